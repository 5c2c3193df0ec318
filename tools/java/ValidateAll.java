// Validates XML documents the way a Java platform does: every given XSD loaded into ONE Schema
// (SchemaFactory.newSchema(Source[]), as Spring's Jaxb2Marshaller.setSchemas loads them), with the
// JDK's own validator and its default settings.
// Usage: java ValidateAll SCHEMA.xsd ... -- DOC.xml ...
// Prints one line per document, "valid FILE" or "invalid FILE: MESSAGE" (the first error).
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

public final class ValidateAll {
    private ValidateAll() {}

    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < separator; i++) {
            sources.add(new StreamSource(new File(args[i])));
        }
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(sources.toArray(new Source[0]));
        for (int i = separator + 1; i < args.length; i++) {
            try {
                schema.newValidator().validate(new StreamSource(new File(args[i])));
                System.out.println("valid " + args[i]);
            } catch (SAXException error) {
                System.out.println("invalid " + args[i] + ": " + error.getMessage());
            }
        }
    }
}
