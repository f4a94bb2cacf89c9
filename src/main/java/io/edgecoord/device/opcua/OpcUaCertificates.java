package io.edgecoord.device.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import org.eclipse.milo.opcua.stack.client.security.ClientCertificateValidator;
import org.eclipse.milo.opcua.stack.client.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's OPC UA identity and trust, under {@code edgecoord.device.opcua.pki-dir}: its
 * application certificate and key ({@code client.p12}, created on first use, mode 0600), and
 * the trust list of server certificates ({@code pki/trusted/certs}; a refused one lands in
 * {@code pki/rejected} for an operator to move). With trust-on-first-use, a server certificate
 * not yet trusted is added to the trust list the first time and checked against it afterwards.
 */
public final class OpcUaCertificates {

    private static final Logger log = LoggerFactory.getLogger(OpcUaCertificates.class);

    private static final char[] STORE_PASSWORD = "edgecoord".toCharArray();

    private final Path dir;

    private final String applicationUri;

    private final boolean trustOnFirstUse;

    private KeyPair keyPair;

    private X509Certificate certificate;

    private ClientCertificateValidator validator;

    public OpcUaCertificates(Path dir, String applicationUri, boolean trustOnFirstUse) {
        this.dir = dir;
        this.applicationUri = applicationUri;
        this.trustOnFirstUse = trustOnFirstUse;
    }

    synchronized KeyPair keyPair() {
        load();
        return this.keyPair;
    }

    synchronized X509Certificate certificate() {
        load();
        return this.certificate;
    }

    synchronized ClientCertificateValidator validator() throws IOException {
        if (this.validator == null) {
            Files.createDirectories(this.dir.resolve("pki"));
            DefaultTrustListManager trust = new DefaultTrustListManager(this.dir.resolve("pki").toFile());
            DefaultClientCertificateValidator checked = new DefaultClientCertificateValidator(trust);
            this.validator = this.trustOnFirstUse ? new FirstUse(trust, checked) : checked;
        }
        return this.validator;
    }

    private void load() {
        if (this.keyPair != null) {
            return;
        }
        Path file = this.dir.resolve("client.p12");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, STORE_PASSWORD);
                }
                Certificate stored = store.getCertificate("client");
                this.certificate = (X509Certificate) stored;
                this.keyPair = new KeyPair(stored.getPublicKey(), (PrivateKey) store.getKey("client", STORE_PASSWORD));
                return;
            }
            KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate made = new SelfSignedCertificateBuilder(pair).setCommonName("edgecoord device client")
                .setOrganization("edgecoord")
                .setApplicationUri(this.applicationUri)
                .addDnsName("localhost")
                .build();
            store.load(null, STORE_PASSWORD);
            store.setKeyEntry("client", pair.getPrivate(), STORE_PASSWORD, new Certificate[] { made });
            Files.createDirectories(this.dir);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, STORE_PASSWORD);
            }
            log.info("Created the OPC UA application certificate {}", file);
            this.keyPair = pair;
            this.certificate = made;
        }
        catch (Exception ex) {
            throw new IllegalStateException("The OPC UA application certificate " + file + " cannot be loaded or "
                    + "created: " + ex.getMessage(), ex);
        }
    }

    /** Trusts a server's certificate the first time it is seen, then holds the server to it. */
    private record FirstUse(DefaultTrustListManager trust, DefaultClientCertificateValidator checked)
            implements ClientCertificateValidator {

        @Override
        public void validateCertificateChain(List<X509Certificate> chain) throws UaException {
            firstUse(chain);
            this.checked.validateCertificateChain(chain);
        }

        @Override
        public void validateCertificateChain(List<X509Certificate> chain, String applicationUri,
                String... validHostNames) throws UaException {
            firstUse(chain);
            this.checked.validateCertificateChain(chain, applicationUri, validHostNames);
        }

        private void firstUse(List<X509Certificate> chain) {
            X509Certificate leaf = chain.getFirst();
            boolean known = this.trust.getTrustedCertificates().stream().anyMatch((c) -> c.equals(leaf));
            boolean sameSubject = this.trust.getTrustedCertificates().stream()
                .anyMatch((c) -> c.getSubjectX500Principal().equals(leaf.getSubjectX500Principal()));
            // A server that changes its certificate is not trusted again silently: that is what TOFU guards.
            if (!known && !sameSubject) {
                log.warn("Trusting the OPC UA server certificate {} on first use", leaf.getSubjectX500Principal());
                this.trust.addTrustedCertificate(leaf);
            }
        }
    }
}
