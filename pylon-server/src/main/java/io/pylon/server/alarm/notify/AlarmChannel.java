package io.pylon.server.alarm.notify;

import io.pylon.server.persistence.JooqAlarmNotifications.Delivery;

/**
 * Port: a way to tell someone of an alarm. E-mail and webhooks are built in; an SMS gateway or WeChat template-message
 * adapter is a Spring bean implementing this with {@link #channel()} "SMS" or "WECHAT" (see docs/alarms.md). Deliveries
 * are retried with back-off while {@link #send} throws.
 */
public interface AlarmChannel {

    /** EMAIL, WEBHOOK, SMS, WECHAT, … */
    String channel();

    /** Whether this channel can be used now (e.g. SMTP configured); subscriptions to an unusable channel are refused. */
    default boolean usable() {
        return true;
    }

    /** Sends one delivery; throws when it did not go out (it is tried again later). */
    void send(Delivery delivery) throws Exception;
}
