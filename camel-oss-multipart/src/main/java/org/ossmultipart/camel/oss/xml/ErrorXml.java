package org.ossmultipart.camel.oss.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** {@code <Error>}: the fixed leaves, plus every other leaf (ServerTime, UploadId, ArgumentName...). */
@XmlRootElement(name = "Error")
@XmlAccessorType(XmlAccessType.FIELD)
public class ErrorXml {
    @XmlElement(name = "Code")
    public String code;

    @XmlElement(name = "Message")
    public String message;

    @XmlElement(name = "RequestId")
    public String requestId;

    @XmlElement(name = "HostId")
    public String hostId;

    @XmlElement(name = "EC")
    public String ec;

    @XmlAnyElement
    public List<Element> others = new ArrayList<>();
}
