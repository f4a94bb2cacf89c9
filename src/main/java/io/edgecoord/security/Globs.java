package io.edgecoord.security;

/** Name patterns where {@code *} stands for any run of characters, and nothing else is special. */
final class Globs {

    private Globs() {
    }

    /** Whether {@code name} matches {@code pattern} whole. */
    static boolean matches(String pattern, String name) {
        return matches(pattern, 0, name, 0);
    }

    private static boolean matches(String pattern, int p, String name, int n) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                while (p < pattern.length() && pattern.charAt(p) == '*') {
                    p++;
                }
                if (p == pattern.length()) {
                    return true;
                }
                for (int from = n; from <= name.length(); from++) {
                    if (matches(pattern, p, name, from)) {
                        return true;
                    }
                }
                return false;
            }
            if (n >= name.length() || name.charAt(n) != c) {
                return false;
            }
            p++;
            n++;
        }
        return n == name.length();
    }
}
