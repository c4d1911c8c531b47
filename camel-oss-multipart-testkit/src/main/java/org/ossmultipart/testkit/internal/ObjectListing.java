package org.ossmultipart.testkit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One page of ListObjects (v1 and v2 share it): the objects whose key starts with the prefix and
 * comes after the marker, in key order; with a delimiter, the keys that hold it after the prefix are
 * rolled up into common prefixes, each counting as one entry of the page. The next page starts after
 * the last entry; a key under a common prefix already returned is not returned again.
 */
public record ObjectListing(List<StoredObject> objects, List<String> commonPrefixes, boolean truncated, String next) {

    public static ObjectListing page(
            Collection<StoredObject> all, String prefix, String delimiter, String after, int maxKeys) {
        String p = prefix == null ? "" : prefix;
        String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        String a = after == null ? "" : after;
        List<StoredObject> sorted = all.stream()
                .filter(o -> o.key().startsWith(p) && o.key().compareTo(a) > 0)
                .sorted(Comparator.comparing(StoredObject::key))
                .toList();
        List<StoredObject> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        for (StoredObject o : sorted) {
            String rolledUp = null;
            if (d != null) {
                int at = o.key().indexOf(d, p.length());
                if (at >= 0) {
                    rolledUp = o.key().substring(0, at + d.length());
                }
            }
            if (rolledUp != null && (rolledUp.equals(last) || rolledUp.compareTo(a) <= 0)) {
                continue; // its common prefix is on this page already, or was on an earlier one
            }
            if (objects.size() + prefixes.size() == maxKeys) {
                return new ObjectListing(objects, prefixes, true, last);
            }
            if (rolledUp != null) {
                prefixes.add(rolledUp);
                last = rolledUp;
            } else {
                objects.add(o);
                last = o.key();
            }
        }
        return new ObjectListing(objects, prefixes, false, null);
    }
}
