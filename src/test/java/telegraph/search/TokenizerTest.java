package telegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tokenizer against the shared table of cases ({@code search/tokenizer-cases.json}), which
 * the Node test runs through the page's tokenizer too: both sides must cut text alike.
 */
class TokenizerTest {

    record Case(String text, List<String> tokens, List<String> index) {
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = TokenizerTest.class.getResourceAsStream("/search/tokenizer-cases.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<Case>>() { });
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void cutsLikeTheSharedTable(Case c) {
        assertEquals(c.tokens(), Tokenizer.tokens(c.text()), c.text());
        assertEquals(c.index(), Tokenizer.indexTokens(c.text()), c.text());
    }
}
