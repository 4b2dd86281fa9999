package io.pylon.server.trust;

import static io.pylon.server.trust.TrustTables.*;

import io.pylon.domain.metering.Meter;
import java.io.StringWriter;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A session's signed meter values in the XML the S.A.F.E. transparency software (Transparenzsoftware) opens:
 * {@code <values><value transactionId context><signedData format="OCMF" encoding="plain">…</signedData>
 * <publicKey encoding="hex">…</publicKey></value>…</values>}, one value per signed reading, verbatim.
 */
@Component
public class SafeExport {

    private final DSLContext db;

    public SafeExport(DSLContext db) {
        this.db = db;
    }

    public String xml(long sessionId, Optional<Meter> meter) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = factory.newDocumentBuilder().newDocument();
            Element values = doc.createElement("values");
            doc.appendChild(values);
            for (var r : db.select(CONTEXT, SIGNED_DATA).from(SIGNED_VALUE).where(SESSION_ID.eq(sessionId))
                    .orderBy(SAMPLED_AT, LONG_ID).limit(JooqSignedMeterData.MAX_SIGNED).fetch()) {
                Element value = doc.createElement("value");
                value.setAttribute("transactionId", Long.toString(sessionId));
                if (r.value1() != null) {
                    value.setAttribute("context", r.value1());
                }
                Element signed = doc.createElement("signedData");
                signed.setAttribute("format", "OCMF");
                signed.setAttribute("encoding", "plain");
                signed.setTextContent(r.value2());
                value.appendChild(signed);
                if (meter.isPresent() && meter.get().publicKeyHex() != null) {
                    Element key = doc.createElement("publicKey");
                    key.setAttribute("encoding", "hex");
                    key.setTextContent(meter.get().publicKeyHex());
                    value.appendChild(key);
                }
                values.appendChild(value);
            }
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var transformer = tf.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write the S.A.F.E. XML of session " + sessionId, e);
        }
    }
}
