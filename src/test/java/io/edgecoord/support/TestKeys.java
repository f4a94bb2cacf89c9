package io.edgecoord.support;

/**
 * The admin key every test coordinator is seeded with ({@code edgecoord.security.admin-key} in the
 * test {@code application.properties}, {@code EDGECOORD_ADMIN_KEY} for coordinators started as
 * processes or containers), so that tests call the API as a user with a key would.
 */
public final class TestKeys {

    /** The admin key's id. */
    public static final String ADMIN_ID = "ECTESTADMIN000000001";

    /** Its secret (the AWS secret access key, for SigV4). */
    public static final String ADMIN_SECRET = "test-admin-secret-0123456789abcdefghijklmnop";

    /** {@code <id>.<secret>}, as {@code Authorization: Bearer} carries it. */
    public static final String ADMIN = ADMIN_ID + "." + ADMIN_SECRET;

    private TestKeys() {
    }
}
