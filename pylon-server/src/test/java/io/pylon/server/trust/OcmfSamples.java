package io.pylon.server.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The OCMF samples of {@code ../shared/reference/ocmf-samples/} (S.A.F.E. transparency-software XML, SAFE-eV test
 * data, Apache-2.0): KEBA KCP30 (valid, and a tampered copy that must fail) and eBee (begin and end records).
 */
record OcmfSamples(List<String> signedData, List<String> contexts, String publicKeyHex) {

    static final Path DIR = Path.of("../../shared/reference/ocmf-samples");

    static OcmfSamples read(String file) {
        try {
            return parse(Files.readString(DIR.resolve(file)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + DIR.resolve(file).toAbsolutePath(), e);
        }
    }

    static OcmfSamples parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            NodeList values = doc.getElementsByTagName("value");
            List<String> data = new ArrayList<>();
            List<String> contexts = new ArrayList<>();
            String key = null;
            for (int i = 0; i < values.getLength(); i++) {
                Element value = (Element) values.item(i);
                data.add(value.getElementsByTagName("signedData").item(0).getTextContent().strip());
                contexts.add(value.getAttribute("context"));
                var keys = value.getElementsByTagName("publicKey");
                if (keys.getLength() > 0) {
                    key = keys.item(0).getTextContent().replaceAll("\\s", "");
                }
            }
            return new OcmfSamples(data, contexts, key);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not S.A.F.E. XML", e);
        }
    }
}
