package io.portcullis.policylang.compile;

import io.portcullis.policylang.syntax.Template.Escaped;
import io.portcullis.policylang.syntax.Template.Part;
import io.portcullis.policylang.syntax.Template.Text;
import io.portcullis.policylang.syntax.Template.Variable;
import io.portcullis.policylang.syntax.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Substitutes policy variables from a request. A variable whose key is absent or multivalued takes its
 * default; without a default the whole value is unresolved and matches nothing.
 */
final class Variables {

    private Variables() {
    }

    /** The value as plain text, or {@code null} when a variable cannot be resolved. */
    static String text(Template template, RequestContext request) {
        StringBuilder out = new StringBuilder();
        for (Part part : template.parts()) {
            String piece = piece(part, request);
            if (piece == null) {
                return null;
            }
            out.append(piece);
        }
        return out.toString();
    }

    /** The value as a wildcard pattern in which substituted text is literal, or {@code null}. */
    static Wildcard pattern(Template template, RequestContext request, boolean arnMode) {
        List<Wildcard.Piece> pieces = new ArrayList<>(template.parts().size());
        for (Part part : template.parts()) {
            String piece = piece(part, request);
            if (piece == null) {
                return null;
            }
            pieces.add(new Wildcard.Piece(piece, part instanceof Text));
        }
        return Wildcard.of(pieces, arnMode);
    }

    private static String piece(Part part, RequestContext request) {
        if (part instanceof Text) {
            return ((Text) part).text();
        }
        if (part instanceof Escaped) {
            return ((Escaped) part).text();
        }
        if (part instanceof Variable) {
            Variable variable = (Variable) part;
            String value = request.single(variable.key());
            return value != null ? value : variable.defaultValue();
        }
        throw new IllegalStateException("unknown template part " + part);
    }
}
