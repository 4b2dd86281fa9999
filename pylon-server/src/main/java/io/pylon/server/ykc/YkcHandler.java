package io.pylon.server.ykc;

import io.pylon.ykc.message.YkcMessage;
import java.util.Set;

/**
 * Handles one kind of frame a pile sends, on the connection's serial executor (a virtual thread): maps the
 * message to domain calls and answers, if the protocol wants an answer, with the request's sequence bytes.
 */
public interface YkcHandler {

    /** The frame types handled. */
    Set<Integer> types();

    void handle(YkcConnection connection, int sequence, YkcMessage message);
}
