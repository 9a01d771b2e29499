package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import oko.monitoring.RawValueImport;
import oko.monitoring.RawValueImport.Layout;

/** Issue 17, item 3: long or wide form is read from the header, nobody is asked. */
class LayoutDetectionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "school;measure;value|LONG",
            "school;period;measure;value|LONG",
            "Школа;Период;Показатель;Значение|LONG",
            " код ОО ; показатель ; значение |LONG",
            "school;measure|LONG", // long form missing its value column: reported as such
            "школа;значение|LONG",
            "school;passed;total|WIDE",
            "Школа;period;ege_high_scorers;ege_graduates|WIDE",
            "school|WIDE" })
    void theHeaderTellsTheForm(String header, Layout expected) {
        assertEquals(expected, RawValueImport.detect(List.of(header.split(";"))));
    }
}
