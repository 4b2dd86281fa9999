package io.pylon.server.parking;

import io.pylon.domain.charger.ChargerService;
import org.springframework.context.annotation.Configuration;

/** The parking service hears every connector status the charger service stores (OCPP and YKC alike). */
@Configuration
class ParkingWiring {

    ParkingWiring(ChargerService chargers, ParkingService parking) {
        chargers.listen(parking);
    }
}
