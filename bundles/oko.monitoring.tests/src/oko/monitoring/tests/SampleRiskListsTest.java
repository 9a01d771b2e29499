package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;

import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RiskComparison;
import oko.model.RiskGroup;
import oko.model.RiskGroupKind;
import oko.monitoring.RiskGroups;

/**
 * The sample's risk lists, school by school, for every period with data (2021–2023), as worked
 * out from the raw values of bundles/oko.municipal/samples/illustrative-monitoring.xmi with the rules of seed 002
 * (ШНОР: worse than the cluster median on at least half of the indicators 1.2.1.1–1.2.1.4 with a
 * value, in this and the previous period; ШНСУ: at least half of the indicators 1.2.2.1–1.2.2.9
 * flag the school — a flag that is 1, a share above the median of all schools). These were the
 * lists of the former {@code RiskGroups.Policy.DEFAULT}; the policies the sample's groups carry in
 * the model now reproduce them exactly. Whoever changes how risk groups are configured or computed
 * must keep these lists.
 *
 * <p>Worked by hand (values = numerator/denominator·100 from the XMI, rounded to 2 places):
 * <ul>
 * <li><b>ИШМ-05 stays in ШНОР in 2023.</b> City cluster 2023 (ИШМ-01…05), 1.2.1.1 high scorers:
 * 10/45=22.22, 7/38=18.42, 10/35=28.57, 4/31=12.90, 1/24=4.17 → median 18.42, and ИШМ-05's 4.17 is
 * worse (higher is better). 1.2.1.2 failed GIA: 2/86=2.33, 3/80=3.75, 1/69=1.45, 3/56=5.36,
 * 7/52=13.46 → median 3.75, 13.46 worse (lower is better). 1.2.1.3 correlation: 0.80, 0.79, 0.59,
 * (ИШМ-04 none), 0.29 → median (0.59+0.79)/2=0.69, 0.29 worse. 1.2.1.4: every school 0, not worse.
 * 3 of 4 ≥ half → low in 2023. In 2022: 1/26=3.85 against the median 7/41=17.07, 7/51=13.73
 * against 4/77=5.19, 0.29 against 0.67 → low too; so in the list both years: «stayed».</li>
 * <li><b>ИШМ-08 leaves ШНОР in 2023.</b> Rural cluster 2023 (ИШМ-06…09), 1.2.1.1: 2/13=15.38,
 * 1/11=9.09, 1/9=11.11, 0/6=0 → median (9.09+11.11)/2=10.10, ИШМ-08's 11.11 is not worse; 1.2.1.2:
 * 2/29=6.90, 2/22=9.09, 1/17=5.88, 2/13=15.38 → median 7.99, 5.88 not worse; 1.2.1.3: 0.76, 0.61,
 * 0.45, 0.36 → median 0.53, 0.45 worse; 1.2.1.4 not. 1 of 4 < half → not low in 2023; it was in
 * the 2022 list (low in 2022 and 2021) → «left».</li>
 * <li><b>ИШМ-05 leaves ШНСУ in 2023.</b> 2023 shares of 599 pupils against the median of the 12
 * schools: 1.2.2.1 11/599=1.84 &gt; 1.31 flag, 1.2.2.2 14/599=2.34 &gt; 2.12 flag, 1.2.2.3
 * 6/599=1.00 &lt; 1.23, 1.2.2.4 8/599=1.34 &gt; 1.31 flag, 1.2.2.5 25/599=4.17 &lt; 4.39, the four
 * flags (remote, small, infrastructure, staff) 0 → index 3/9=0.33 &lt; 0.5. In 2022 all five shares
 * were above the median (13/584=2.23 &gt; 1.30, 19/584=3.25 &gt; 2.18, 9/584=1.54 &gt; 1.19,
 * 13/584=2.23 &gt; 1.32, 33/584=5.65 &gt; 4.72) → 5/9=0.56 ≥ 0.5, in the list → «left».</li>
 * <li><b>ШНОР is empty in 2021</b>: 2021 has no previous period, so no school can be low in two
 * consecutive periods.</li>
 * </ul>
 */
class SampleRiskListsTest {

    private final Sample sample = new Sample();
    private final Resource seeds = sample.seeds;
    private final Resource illustrative = sample.illustrative;

    @Test
    void theSampleGroupsCarryTheFormerDefaults() {
        RiskGroup shnor = (RiskGroup) seeds.getEObject("rg-shnor");
        assertEquals(RiskGroupKind.BELOW_CLUSTER, shnor.getKind());
        assertEquals(RiskComparison.CLUSTER_MEDIAN, shnor.getComparison());
        assertEquals(2, shnor.getConsecutivePeriods());
        assertEquals(0.5, shnor.getIndicatorShare());
        RiskGroup shnsu = (RiskGroup) seeds.getEObject("rg-shnsu");
        assertEquals(RiskGroupKind.SOCIAL_INDEX, shnsu.getKind());
        assertEquals(1, shnsu.getConsecutivePeriods());
        assertEquals(0.5, shnsu.getIndexThreshold());
        assertEquals(List.of(), shnsu.getWeights(), "every indicator weighs 1");
    }

    @Test
    void riskListsOf2021() {
        assertEquals(Map.of(
                "ШНОР", lists("", "", ""),
                "ШНСУ", lists("ИШМ-06 ИШМ-10 ИШМ-11 ИШМ-12", "", "")),
                actual((Period) seeds.getEObject("per-2021")));
    }

    @Test
    void riskListsOf2022() {
        assertEquals(Map.of(
                "ШНОР", lists("ИШМ-04 ИШМ-05 ИШМ-08", "", ""),
                "ШНСУ", lists("ИШМ-05 ИШМ-08", "ИШМ-10 ИШМ-11 ИШМ-12", "ИШМ-06")),
                actual((Period) illustrative.getEObject("per-2022")));
    }

    @Test
    void riskListsOf2023() {
        assertEquals(Map.of(
                "ШНОР", lists("", "ИШМ-04 ИШМ-05", "ИШМ-08"),
                "ШНСУ", lists("", "ИШМ-08 ИШМ-10 ИШМ-11 ИШМ-12", "ИШМ-05")),
                actual((Period) illustrative.getEObject("per-2023")));
    }

    /** "entered: … / stayed: … / left: …", each a space-separated sorted list of school codes. */
    private static String lists(String entered, String stayed, String left) {
        return "entered: " + entered + " / stayed: " + stayed + " / left: " + left;
    }

    private Map<String, String> actual(Period period) {
        QualitySystem ishimbay = (QualitySystem) seeds.getEObject("qs-ishimbay");
        Map<String, String> actual = new LinkedHashMap<>();
        for (RiskGroups.RiskListResult list : RiskGroups.compute(ishimbay, period)) {
            actual.put(list.group().getCode(), lists(codes(list.entered()), codes(list.stayed()), codes(list.left())));
        }
        assertEquals(List.of("ШНОР", "ШНСУ"), List.copyOf(actual.keySet()));
        return actual;
    }

    private static String codes(Set<Organisation> schools) {
        return String.join(" ", new TreeSet<>(schools.stream().map(Organisation::getCode).toList()));
    }
}
