package org.ossmultipart.camel.oss.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code <ListMultipartUploadsResult>}; repeated children are not wrapped. */
@XmlRootElement(name = "ListMultipartUploadsResult")
@XmlAccessorType(XmlAccessType.FIELD)
public class ListUploadsResultXml {

    /** One {@code <Upload>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ListedUpload")
    public static class Upload {
        @XmlElement(name = "Key")
        public String key;

        @XmlElement(name = "UploadId")
        public String uploadId;

        @XmlElement(name = "StorageClass")
        public String storageClass;

        @XmlElement(name = "Initiated")
        public String initiated;
    }

    /** One {@code <CommonPrefixes>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ListedCommonPrefix")
    public static class CommonPrefix {
        @XmlElement(name = "Prefix")
        public String prefix;
    }

    @XmlElement(name = "EncodingType")
    public String encodingType;

    @XmlElement(name = "Bucket")
    public String bucket;

    @XmlElement(name = "KeyMarker")
    public String keyMarker;

    @XmlElement(name = "UploadIdMarker")
    public String uploadIdMarker;

    @XmlElement(name = "NextKeyMarker")
    public String nextKeyMarker;

    @XmlElement(name = "NextUploadIdMarker")
    public String nextUploadIdMarker;

    @XmlElement(name = "Delimiter")
    public String delimiter;

    @XmlElement(name = "Prefix")
    public String prefix;

    @XmlElement(name = "MaxUploads")
    public Integer maxUploads;

    @XmlElement(name = "IsTruncated")
    public Boolean truncated;

    @XmlElement(name = "Upload")
    public List<Upload> uploads = new ArrayList<>();

    @XmlElement(name = "CommonPrefixes")
    public List<CommonPrefix> commonPrefixes = new ArrayList<>();
}
