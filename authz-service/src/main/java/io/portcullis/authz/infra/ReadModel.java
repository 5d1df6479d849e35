package io.portcullis.authz.infra;

import io.portcullis.authz.config.AuthzConfig;
import io.portcullis.authz.model.AuthzModel;
import io.portcullis.authz.model.ModelFeeder;
import io.portcullis.runtime.avro.EventAvro;
import io.portcullis.runtime.config.PortcullisConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's read model: opened at start in the configured folder, fed from every event topic by the model
 * library's feeder (events read through the registry with the kit's Avro reader), closed at shutdown.
 */
@ApplicationScoped
@Startup
public class ReadModel {

    private final AuthzModel model;
    private final EventAvro avro;
    private final ModelFeeder feeder;

    ReadModel(AuthzConfig config, PortcullisConfig portcullis, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.model = AuthzModel.open(Path.of(config.dataDir()), config.policyCache());
        this.avro = new EventAvro(portcullis.registry().url());
        this.feeder = new ModelFeeder(model, bootstrapServers, avro::deserialize).start();
    }

    public AuthzModel model() {
        return model;
    }

    public ModelFeeder feeder() {
        return feeder;
    }

    void close(@Observes ShutdownEvent shutdown) {
        feeder.close();
        avro.close();
        model.close();
    }
}
