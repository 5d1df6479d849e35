package io.portcullis.testkit;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines the test kit prints so a test log shows which real parts started and how fast. */
public final class TestKitLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private TestKitLog() {
    }

    public static void info(String format, Object... args) {
        System.out.printf("%s [test-kit] %s%n", LocalTime.now().format(TIME), String.format(format, args));
    }
}
