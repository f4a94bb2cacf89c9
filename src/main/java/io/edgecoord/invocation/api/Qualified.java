package io.edgecoord.invocation.api;

/**
 * A native invoke's task and qualifier, from {@code /tasks/{name}:{qualifier}/invoke} or
 * {@code ?qualifier=}; the two must agree, and {@code ?version=} excludes both.
 *
 * @param task the task's name
 * @param qualifier {@code $LATEST}, a version or an alias, or {@code null} when none was given
 */
record Qualified(String task, String qualifier) {

    static Qualified of(String path, String qualifierParam, Integer version) {
        int colon = path.indexOf(':');
        String task = colon >= 0 ? path.substring(0, colon) : path;
        String inPath = colon >= 0 ? path.substring(colon + 1) : null;
        if (inPath != null && qualifierParam != null && !inPath.equals(qualifierParam)) {
            throw new InvalidQualifierException("The qualifier in the path ('" + inPath
                    + "') differs from ?qualifier= ('" + qualifierParam + "').");
        }
        String qualifier = inPath != null ? inPath : qualifierParam;
        if (qualifier != null && version != null) {
            throw new InvalidQualifierException("Give ?version= or a qualifier (name:qualifier, ?qualifier=), not both.");
        }
        return new Qualified(task, qualifier);
    }
}
