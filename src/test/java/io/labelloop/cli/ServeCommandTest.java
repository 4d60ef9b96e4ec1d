package io.labelloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServeCommandTest {

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

    @Test
    void servesOn8080UnlessAPortIsGiven() {
        assertThat(ServeCommand.parsePort(List.of(), err)).isEqualTo(8080);
        assertThat(ServeCommand.parsePort(List.of("--port", "9090"), err)).isEqualTo(9090);
        assertThat(ServeCommand.parsePort(List.of("--port=0"), err)).isZero();
    }

    @Test
    void aBadPortIsRefusedWithTheValueInTheMessage() {
        assertThat(ServeCommand.parsePort(List.of("--port", "80x"), err)).isNull();
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("'80x'");
        assertThat(ServeCommand.parsePort(List.of("--port"), err)).isNull();
        assertThat(ServeCommand.parsePort(List.of("--verbose"), err)).isNull();
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("unknown option '--verbose'");
    }

    @Test
    void isListedByTheLauncher() {
        assertThat(Launcher.all()).anyMatch(c -> c.name().equals("serve"));
    }

    @Test
    void helpReturnsTheHelpMarkerInsteadOfAPort() {
        assertThat(ServeCommand.parsePort(List.of("--help"), err)).isEqualTo(-1);
    }
}
