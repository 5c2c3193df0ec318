// A JAXB round trip with the classes xjc generated from banzhang's XSDs (package banzhang.jaxb):
// unmarshal a power list, validating against the whole schema set, print the Java enum constant of
// its first item's 事项类型 (a typed codelist, not a String), and marshal it back, validated again.
// Usage: java RoundTrip SCHEMA.xsd IN.xml OUT.xml
import banzhang.jaxb.ObjectFactory;
import banzhang.jaxb.PowerList;
import banzhang.jaxb.PowerTypeCode;
import java.io.File;
import javax.xml.XMLConstants;
import javax.xml.bind.JAXBContext;
import javax.xml.bind.JAXBElement;
import javax.xml.bind.Marshaller;
import javax.xml.bind.Unmarshaller;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

public final class RoundTrip {
    private RoundTrip() {}

    public static void main(String[] args) throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(new File(args[0])));
        JAXBContext context = JAXBContext.newInstance(ObjectFactory.class);
        Unmarshaller unmarshaller = context.createUnmarshaller();
        unmarshaller.setSchema(schema);
        JAXBElement<?> root = (JAXBElement<?>) unmarshaller.unmarshal(new File(args[1]));
        PowerList list = (PowerList) root.getValue();
        PowerTypeCode type = list.getItems().get(0).getPowerType();
        System.out.println(type.name() + " " + type.value());
        Marshaller marshaller = context.createMarshaller();
        marshaller.setSchema(schema);
        marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
        marshaller.marshal(root, new File(args[2]));
    }
}
