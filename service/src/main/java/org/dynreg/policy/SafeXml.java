package org.dynreg.policy;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * An uploaded XML file (a process) read without what an uploaded file must not reach: no DTD, no external entities,
 * no XInclude. One parser for the check, the walks and the diff of process files. ({@code workflow.ProcessDiagram}
 * keeps its own, the same, since it also runs as a single source file with the JDK alone.)
 */
public final class SafeXml {
    private SafeXml() {
    }

    /** The document, namespace-aware; an IllegalArgumentException saying why when it is not well-formed XML. */
    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
