package org.slabproof.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slabproof.AllocatorStats;

/** README's examples run, and the README shows exactly the code that ran. */
class ReadmeExamplesTest {
    private static final Path SOURCE = Path.of("src/main/java/org/slabproof/examples/ReadmeExamples.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void rawAddressesAllocateWriteAndFree() {
        AllocatorStats s = ReadmeExamples.rawAddresses();
        assertEquals(1, s.mallocs());
        assertEquals(1, s.localFrees());
        assertEquals(0, s.activeBlocks());
    }

    @Test
    void theHandleReadsBackWhatItWrote() {
        assertEquals(999L * 1000 / 2, ReadmeExamples.threadHandle());
    }

    @Test
    void segmentsHoldWhatWasStored() {
        assertEquals(34, ReadmeExamples.segments());
    }

    @Test
    void theReadmeShowsTheCodeThatRuns() throws IOException {
        String readme = Files.readString(README);
        List<String> snippets = snippets(Files.readString(SOURCE));
        assertEquals(3, snippets.size(), "the three marked examples");
        for (String snippet : snippets) {
            assertFalse(snippet.isBlank());
            assertTrue(readme.contains(snippet), "README does not show this example verbatim:\n" + snippet);
        }
    }

    /** The marked regions of the source, with their common indentation removed. */
    private static List<String> snippets(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)// README: \\w+\\n(.*?)\\n\\s*// README: end").matcher(source);
        while (m.find()) {
            String[] lines = m.group(1).split("\n");
            int indent = Integer.MAX_VALUE;
            for (String l : lines) {
                if (!l.isBlank()) {
                    indent = Math.min(indent, l.length() - l.stripLeading().length());
                }
            }
            StringBuilder b = new StringBuilder();
            for (String l : lines) {
                b.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
            }
            out.add(b.toString().stripTrailing());
        }
        return out;
    }
}
