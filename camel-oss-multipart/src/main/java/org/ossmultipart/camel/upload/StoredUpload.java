package org.ossmultipart.camel.upload;

import java.util.Comparator;
import java.util.List;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.model.PartSummary;

/** An unfinished upload picked to continue, with the parts the server holds for it (ListParts: the truth). */
record StoredUpload(String uploadId, List<PartSummary> storedParts) {

    /**
     * The part size the upload was made with: the size every stored part but the last shares (the
     * last may be shorter); null when the parts disagree or none is stored.
     */
    Long partSize() {
        List<PartSummary> sorted = storedParts.stream()
                .sorted(Comparator.comparingInt(PartSummary::partNumber))
                .toList();
        if (sorted.isEmpty()) {
            return null;
        }
        if (sorted.size() == 1) {
            // one part: its size is the part size only if it is part 1 (a lone later part may be the short last one)
            long only = sorted.get(0).size();
            return sorted.get(0).partNumber() == 1 && only >= OssLimits.MIN_PART_SIZE ? only : null;
        }
        long size = sorted.get(0).size();
        for (int i = 1; i < sorted.size() - 1; i++) {
            if (sorted.get(i).size() != size) {
                return null;
            }
        }
        return sorted.get(sorted.size() - 1).size() <= size ? size : null;
    }
}
