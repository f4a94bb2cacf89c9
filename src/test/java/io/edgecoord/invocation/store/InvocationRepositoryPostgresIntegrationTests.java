package io.edgecoord.invocation.store;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.edgecoord.DockerAvailable;
import io.edgecoord.support.TestPostgres;

/** {@link InvocationRepositoryTests} on a real PostgreSQL, with the schema from the same migrations. */
@DockerAvailable
@ActiveProfiles("postgres")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class InvocationRepositoryPostgresIntegrationTests extends InvocationRepositoryTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
