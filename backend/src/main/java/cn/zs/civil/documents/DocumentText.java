package cn.zs.civil.documents;

import java.util.List;

/**
 * What a document says: its title, the facts it states (label and value, each as printed: ID numbers masked), and
 * its paragraphs (reasons, legal basis, remedy, items to supply). The facts are also what the public verification
 * page shows; the paragraphs are only in the PDF. Most are laid out by {@link DocumentTexts} from a case; the
 * marriage archive's documents are laid out by their owner and issued through {@link DocumentService#issueText}.
 */
public record DocumentText(String title, List<Fact> facts, List<Section> sections) {

    public record Fact(String label, String value) {
    }

    /** A heading (may be null) and its lines. */
    public record Section(String heading, List<String> lines) {
    }

    public DocumentText {
        facts = List.copyOf(facts);
        sections = List.copyOf(sections);
    }
}
