package cn.zs.civil.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every model opens fully in Camunda Modeler and renders in Camunda's own Tasklist: BPMN and DMN files name their
 * execution platform (Camunda Platform 7.24.0), every decision has its shape in the DMN diagram (DMNDI), and every
 * form declares a schemaVersion its components exist in (the file picker from 17 on) that the UI's form-js
 * viewer reads (up to 19).
 */
class ModelerCompatibilityTest {

    private static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    private static final int FILEPICKER_SINCE = 17;
    private static final int VIEWER_READS_UP_TO = 19;

    private static Resource[] resources(String pattern) throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern);
    }

    private static Document xml(Resource resource) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = resource.getInputStream()) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    @Test
    void everyBpmnAndDmnNamesCamundaPlatform724() throws Exception {
        List<Resource> models = new ArrayList<>(List.of(resources("processes/**/*.bpmn")));
        models.addAll(List.of(resources("processes/**/*.dmn")));
        assertThat(models).hasSizeGreaterThanOrEqualTo(16);
        for (Resource model : models) {
            Element definitions = xml(model).getDocumentElement();
            assertThat(definitions.getAttributeNS(MODELER, "executionPlatform")).as(model.getFilename())
                    .isEqualTo("Camunda Platform");
            assertThat(definitions.getAttributeNS(MODELER, "executionPlatformVersion")).as(model.getFilename())
                    .isEqualTo("7.24.0");
        }
    }

    @Test
    void everyDecisionHasItsShapeInTheDiagram() throws Exception {
        for (Resource model : resources("processes/**/*.dmn")) {
            Document dmn = xml(model);
            Set<String> decisions = new HashSet<>();
            NodeList found = dmn.getElementsByTagNameNS(DMN, "decision");
            for (int i = 0; i < found.getLength(); i++) {
                decisions.add(((Element) found.item(i)).getAttribute("id"));
            }
            Set<String> shapes = new HashSet<>();
            NodeList shown = dmn.getElementsByTagNameNS(DMNDI, "DMNShape");
            for (int i = 0; i < shown.getLength(); i++) {
                shapes.add(((Element) shown.item(i)).getAttribute("dmnElementRef"));
            }
            assertThat(decisions).as(model.getFilename()).isNotEmpty();
            assertThat(shapes).as(model.getFilename()).containsAll(decisions);
        }
    }

    @Test
    void everyFormDeclaresASchemaVersionItsComponentsExistIn() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Resource[] forms = resources("forms/**/*.form");
        assertThat(forms).isNotEmpty();
        for (Resource form : forms) {
            JsonNode tree;
            try (InputStream in = form.getInputStream()) {
                tree = json.readTree(in);
            }
            int version = tree.path("schemaVersion").asInt();
            boolean filepicker = !tree.findValues("type").stream().filter(t -> "filepicker".equals(t.asText()))
                    .toList().isEmpty();
            assertThat(version).as(form.getFilename()).isBetween(filepicker ? FILEPICKER_SINCE : 16, VIEWER_READS_UP_TO);
            assertThat(tree.path("executionPlatformVersion").asText()).as(form.getFilename()).isEqualTo("7.24.0");
        }
    }
}
