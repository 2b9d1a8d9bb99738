package paperbot.recommender.ingest;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Streaming XML readers for feeds: feeds are data, so no DTDs and no external entities. */
final class SafeXml {
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private SafeXml() {}

  static XMLStreamReader reader(String xml) throws XMLStreamException {
    return XML.createXMLStreamReader(new StringReader(xml));
  }
}
