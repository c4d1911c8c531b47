package org.ossmultipart.testkit.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the CompleteMultipartUpload request body with the JDK's DOM parser, DOCTYPE refused. */
public final class CompleteRequestParser {

    private CompleteRequestParser() {}

    public static List<ObjectStore.PartRef> parse(byte[] body) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw OssServiceError.malformedXml(String.valueOf(e.getMessage()));
        }
        Element root = doc.getDocumentElement();
        if (!"CompleteMultipartUpload".equals(localName(root))) {
            throw OssServiceError.malformedXml("the root node is not named CompleteMultipartUpload.");
        }
        List<ObjectStore.PartRef> parts = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element part && "Part".equals(localName(part))) {
                String number = childText(part, "PartNumber");
                String etag = childText(part, "ETag");
                if (number == null || etag == null) {
                    throw OssServiceError.malformedXml("a Part needs PartNumber and ETag");
                }
                int partNumber;
                try {
                    partNumber = Integer.parseInt(number.trim());
                } catch (NumberFormatException e) {
                    throw OssServiceError.malformedXml("PartNumber is not a number: " + number);
                }
                parts.add(new ObjectStore.PartRef(partNumber, etag.trim()));
            }
        }
        return parts;
    }

    private static String localName(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static String childText(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                return e.getTextContent();
            }
        }
        return null;
    }
}
