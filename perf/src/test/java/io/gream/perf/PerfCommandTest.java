package io.gream.perf;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class PerfCommandTest {

    @Test
    void helpListsEveryBenchmark() {
        StringWriter out = new StringWriter();
        var cli = PerfCommand.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("all", "engine", "raw", "decider", "mysql", "rest", "close-lag");
    }

    @Test
    void benchmarkHelpNamesTheOptionsForAnExistingCluster() {
        StringWriter out = new StringWriter();
        var cli = PerfCommand.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("all", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--quick", "--bootstrap-servers", "--ingress-url", "--out");
    }
}
