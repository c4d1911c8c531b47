package org.ossmultipart.camel.oss.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import org.w3c.dom.Element;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The single XML codec of the client. Reading is namespace-agnostic (real OSS answers carry no
 * namespace, some emulators and old docs use one), refuses DOCTYPE declarations and therefore
 * external entities, and ignores unknown elements.
 */
public final class OssXml {

    private static final JAXBContext CONTEXT;
    private static final SAXParserFactory PARSERS;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(
                    InitiateResultXml.class,
                    CompleteRequestXml.class,
                    CompleteResultXml.class,
                    ListUploadsResultXml.class,
                    ListPartsResultXml.class,
                    ErrorXml.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
        PARSERS = SAXParserFactory.newInstance();
        PARSERS.setNamespaceAware(true);
        try {
            PARSERS.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            PARSERS.setFeature("http://xml.org/sax/features/external-general-entities", false);
            PARSERS.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            PARSERS.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private OssXml() {}

    /** Thrown when a body is not the expected XML document (or declares a DOCTYPE). */
    public static final class XmlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        XmlException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Parses {@code body} as {@code type}; the root element name must match. */
    public static <T> T read(byte[] body, Class<T> type) {
        try {
            XMLReader reader = PARSERS.newSAXParser().getXMLReader();
            NamespaceStripper filter = new NamespaceStripper(reader);
            Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
            Object result =
                    unmarshaller.unmarshal(new SAXSource(filter, new InputSource(new ByteArrayInputStream(body))));
            if (!type.isInstance(result)) {
                throw new XmlException(
                        "expected " + type.getSimpleName() + " but the document was "
                                + (result == null ? "empty" : result.getClass().getSimpleName()),
                        null);
            }
            return type.cast(result);
        } catch (JAXBException | SAXException | ParserConfigurationException e) {
            Throwable cause =
                    e instanceof JAXBException j && j.getLinkedException() != null ? j.getLinkedException() : e;
            throw new XmlException("not a valid OSS XML document: " + cause.getMessage(), cause);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new XmlException("not a valid OSS XML document: " + e.getMessage(), e);
        }
    }

    /** Serialises a request document (UTF-8). */
    public static byte[] write(Object document) {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            marshaller.marshal(document, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new XmlException("cannot write " + document.getClass().getSimpleName(), e);
        }
    }

    /** The extra leaves of an error document as name → text. */
    public static Map<String, String> leaves(List<Element> elements) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element e : elements) {
            String name = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
            out.put(name, e.getTextContent());
        }
        return out;
    }

    /** Drops namespaces so that {@code <Error xmlns="...">} binds like {@code <Error>}. */
    private static final class NamespaceStripper extends XMLFilterImpl {
        NamespaceStripper(XMLReader parent) {
            super(parent);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            super.startElement("", localName, localName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement("", localName, localName);
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            // namespaces are ignored
        }

        @Override
        public void endPrefixMapping(String prefix) {
            // namespaces are ignored
        }
    }
}
