package io.pylon.server.camera;

import io.pylon.server.security.DeviceKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Stream URLs are checked before the console gets them; device keys are kept as hashes and compared safely. */
class StreamUrlsAndKeysTest {

    @Test
    void streamUrlsFitTheirKindAndCarryNoCredentials() {
        assertThat(StreamUrls.check("rtsp", " rtsp://nvr.local:554/ch1 ", StreamUrls.RTSP)).isEqualTo("rtsp://nvr.local:554/ch1");
        assertThat(StreamUrls.check("webrtc", "webrtc://media.local/live/ch1", StreamUrls.WEBRTC)).isNotNull();
        assertThat(StreamUrls.check("flv", "wss://media.local/live/ch1.flv", StreamUrls.FLV)).isNotNull();
        assertThat(StreamUrls.check("hls", "  ", StreamUrls.HTTP)).isNull();
        assertThatThrownBy(() -> StreamUrls.check("hls", "rtsp://nvr.local/x", StreamUrls.HTTP))
                .hasMessage("hls: the scheme must be one of [http, https], not 'rtsp'");
        assertThatThrownBy(() -> StreamUrls.check("rtsp", "rtsp://admin:12345@nvr.local/x", StreamUrls.RTSP))
                .hasMessageContaining("no user name or password");
        assertThatThrownBy(() -> StreamUrls.check("hls", "https:///path", StreamUrls.HTTP)).hasMessage("hls: the URL has no host");
        assertThatThrownBy(() -> StreamUrls.check("hls", "https://a b", StreamUrls.HTTP)).hasMessageStartingWith("hls: not a URL");
    }

    @Test
    void keysAreRandomAndOnlyTheirHashIsCompared() {
        String key = DeviceKeys.newKey();
        assertThat(key).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(DeviceKeys.newKey());
        String hash = DeviceKeys.hash(key);
        assertThat(hash).hasSize(64).doesNotContain(key);
        assertThat(DeviceKeys.matches(key, hash)).isTrue();
        assertThat(DeviceKeys.matches(key + "x", hash)).isFalse();
        assertThat(DeviceKeys.matches("", hash)).isFalse();
        assertThat(DeviceKeys.matches(null, hash)).isFalse();
    }

    @Test
    void eventTypesHaveWireNamesAndAlarmCodes() {
        assertThat(CameraEventType.parse(" Camera_Offline ")).isEqualTo(CameraEventType.CAMERA_OFFLINE);
        assertThat(CameraEventActions.code(CameraEventType.CAMERA_OFFLINE)).isEqualTo("CameraOffline");
        assertThat(CameraEventActions.code(CameraEventType.FIRE)).isEqualTo("Fire");
        assertThatThrownBy(() -> CameraEventType.parse("explosion")).hasMessageStartingWith("type: one of plate_read, smoke");
    }
}
