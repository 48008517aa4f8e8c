package io.gream.drill;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The load generator's record of every request and answer, and the drill's record of every fault, as CSV files in
 * the run directory ({@code bids.csv}, {@code queries.csv}, {@code faults.csv}), so {@code drill verify} can check a
 * run again later from another JVM.
 */
final class AnswerLog {

    private final ConcurrentLinkedQueue<DrillRecords.Answer> answers = new ConcurrentLinkedQueue<>();

    void add(DrillRecords.Answer answer) {
        answers.add(answer);
    }

    List<DrillRecords.Answer> answers() {
        return new ArrayList<>(answers);
    }

    static void writeAnswers(Path file, List<DrillRecords.Answer> answers) {
        write(file, "sentMillis,answeredMillis,auctionId,partition,status,commandId", answers.stream()
                .map(a -> a.sentMillis() + "," + a.answeredMillis() + "," + a.auctionId() + "," + a.partition() + ","
                        + a.status() + "," + (a.commandId() == null ? "" : a.commandId())).toList());
    }

    static List<DrillRecords.Answer> readAnswers(Path file) {
        return read(file).stream().map(f -> new DrillRecords.Answer(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2],
                Integer.parseInt(f[3]), Integer.parseInt(f[4]), f.length > 5 && !f[5].isEmpty() ? f[5] : null))
                .toList();
    }

    static void writeFaults(Path file, List<DrillRecords.Fault> faults) {
        write(file, "atMillis,action,node", faults.stream().map(f -> f.atMillis() + "," + f.action() + ","
                + f.node()).toList());
    }

    static List<DrillRecords.Fault> readFaults(Path file) {
        return read(file).stream().map(f -> new DrillRecords.Fault(Long.parseLong(f[0]), f[1], f[2])).toList();
    }

    private static void write(Path file, String header, List<String> lines) {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(header);
            out.newLine();
            for (String line : lines) {
                out.write(line);
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split(",", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
