package org.ossmultipart.camel.oss;

/** Which OSS endpoint a region's requests go to when no endpoint is given. */
public enum EndpointType {
    /** {@code oss-<region>.aliyuncs.com}. */
    PUBLIC,
    /** {@code oss-<region>-internal.aliyuncs.com}: from ECS or ACK in the region's VPC, free of traffic charges. */
    INTERNAL,
    /** {@code oss-accelerate.aliyuncs.com}: transfer acceleration (enabled per bucket). */
    ACCELERATE,
    /** {@code oss-accelerate-overseas.aliyuncs.com}: acceleration outside mainland China. */
    ACCELERATE_OVERSEAS,
    /** {@code <region>.oss.aliyuncs.com}: IPv4 and IPv6. */
    DUAL_STACK;

    /** The endpoint host of {@code region}. */
    public String host(String region) {
        return switch (this) {
            case PUBLIC -> "oss-" + region + ".aliyuncs.com";
            case INTERNAL -> "oss-" + region + "-internal.aliyuncs.com";
            case ACCELERATE -> "oss-accelerate.aliyuncs.com";
            case ACCELERATE_OVERSEAS -> "oss-accelerate-overseas.aliyuncs.com";
            case DUAL_STACK -> region + ".oss.aliyuncs.com";
        };
    }
}
