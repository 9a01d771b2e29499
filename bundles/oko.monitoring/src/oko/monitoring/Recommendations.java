package oko.monitoring;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;


import oko.core.formula.Expression;
import oko.core.formula.FormulaEvaluator;
import oko.core.formula.FormulaException;
import oko.core.formula.FormulaParser;
import oko.core.formula.FormulaValue;
import oko.core.formula.RuleValues;
import oko.model.AddresseeKind;
import oko.model.Indicator;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.RecommendationRule;
import oko.model.RecommendationStatus;
import oko.model.RiskGroup;

/**
 * Turns computed indicator values and risk lists into addressed recommendations by the rules of
 * a quality system ({@link RecommendationRule}): to each school for which the rule's condition
 * holds, to a risk group whose list is not empty, or to a management level when the condition
 * holds for the summary values.
 * <p>
 * A condition is a formula (the indicators' language) over these names ({@link RuleValues}):
 * <ul>
 * <li>for a school: {@code value}, {@code previous} (the value of the previous period),
 * {@code change} (value − previous), {@code rank}, {@code scaled}, {@code median} and
 * {@code mean} of the school's cluster;</li>
 * <li>always: {@code threshold} (the rule's, else the indicator's), {@code count} (schools with
 * a value, or on the risk list), {@code min}, {@code max}, {@code overall_median},
 * {@code overall_mean}; for a level also {@code median} and {@code mean} of all schools.</li>
 * </ul>
 * An empty condition always holds. The template may name the same values in braces, plus
 * {@code {school}}, {@code {indicator}}, {@code {period}}, {@code {group}} and {@code {schools}}.
 * <p>
 * Recommendations are stored in the system that holds the rule, with their basis (indicator,
 * period, value, threshold) and the rule. Generating again updates the recommendation of the same
 * rule, period and addressee instead of adding one, and removes a draft the rule no longer
 * produces; recommendations already sent or accepted are never removed.
 */
public final class Recommendations {

    /** What a run produced: the recommendations of the period, and counts. */
    public record Outcome(List<Recommendation> recommendations, int created, int updated, int removed,
            List<String> problems) {
    }

    private Recommendations() {
    }

    /**
     * The rules of the system and those other systems hold for it (their indicator or risk group
     * belongs to the system), in document order.
     */
    public static List<RecommendationRule> rules(QualitySystem system) {
        Set<RecommendationRule> rules = new LinkedHashSet<>(system.getRecommendationRules());
        for (QualitySystem other : ModelScope.systems(system)) {
            for (RecommendationRule rule : other.getRecommendationRules()) {
                if (ModelScope.within(rule.getIndicator(), system) || ModelScope.within(rule.getRiskGroup(), system)) {
                    rules.add(rule);
                }
            }
        }
        return new ArrayList<>(rules);
    }

    /**
     * Applies every rule of the system for the period and stores the result in the model.
     *
     * @param results the indicator results of the period (and, if known, of the previous one)
     * @param lists the risk lists of the period
     */
    public static Outcome generate(QualitySystem system, Period period, List<MonitoringEngine.IndicatorResult> results,
            List<RiskGroups.RiskListResult> lists) {
        Map<Indicator, MonitoringEngine.IndicatorResult> now = MonitoringEngine.resultsOf(system, period, results);
        Map<Indicator, MonitoringEngine.IndicatorResult> before = MonitoringEngine.resultsOf(system,
                period.getPrevious(), results);
        Map<RiskGroup, RiskGroups.RiskListResult> byGroup = new HashMap<>();
        lists.forEach(l -> byGroup.put(l.group(), l));

        List<Recommendation> current = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int removed = 0;
        for (RecommendationRule rule : rules(system)) {
            Expression condition;
            try {
                condition = rule.getCondition() == null || rule.getCondition().isBlank() ? null
                        : FormulaParser.parse(rule.getCondition());
            } catch (FormulaException e) {
                problems.add(Messages.bind(Messages.ruleConditionBroken, rule.getCode(), e.getMessage()));
                continue;
            }
            Map<String, Draft> drafts = drafts(rule, period, condition, now, before, byGroup, problems);
            QualitySystem owner = (QualitySystem) rule.eContainer();
            Map<String, Recommendation> existing = new LinkedHashMap<>();
            for (Recommendation recommendation : owner.getRecommendations()) {
                if (recommendation.getRule() == rule && recommendation.getPeriod() == period) {
                    existing.putIfAbsent(key(recommendation), recommendation);
                }
            }
            for (Map.Entry<String, Draft> entry : drafts.entrySet()) {
                Recommendation recommendation = existing.remove(entry.getKey());
                if (recommendation == null) {
                    recommendation = OkoFactory.eINSTANCE.createRecommendation();
                    recommendation.setRule(rule);
                    recommendation.setPeriod(period);
                    recommendation.setStatus(RecommendationStatus.DRAFT);
                    recommendation.setDate(new Date());
                    entry.getValue().addressTo(recommendation);
                    owner.getRecommendations().add(recommendation);
                    created++;
                } else if (entry.getValue().differs(recommendation)) {
                    updated++;
                }
                entry.getValue().fill(recommendation, rule);
                current.add(recommendation);
            }
            for (Recommendation stale : existing.values()) {
                if (stale.getStatus() == RecommendationStatus.DRAFT) {
                    owner.getRecommendations().remove(stale);
                    removed++;
                } else {
                    current.add(stale);
                }
            }
        }
        return new Outcome(current, created, updated, removed, problems);
    }

    /** One recommendation to be: addressee, basis and text. */
    private record Draft(String key, Organisation school, RiskGroup group, oko.model.ManagementLevel level,
            Set<Organisation> schools, Indicator indicator, Double value, Double threshold, String text) {

        void addressTo(Recommendation recommendation) {
            recommendation.setAddresseeGroup(group);
            recommendation.setAddresseeLevel(level);
        }

        boolean differs(Recommendation recommendation) {
            return !text.equals(recommendation.getText()) || !java.util.Objects.equals(value, recommendation.getValue())
                    || !java.util.Objects.equals(threshold, recommendation.getThreshold())
                    || !new LinkedHashSet<>(recommendation.getAddresseeSchools()).equals(schools);
        }

        void fill(Recommendation recommendation, RecommendationRule rule) {
            recommendation.setText(text);
            recommendation.setName(text.length() <= 120 ? text : text.substring(0, 119) + "…");
            recommendation.setNumber(rule.getCode() + (school != null ? "/" + school.getCode() : ""));
            recommendation.setProblem(rule.getProblem());
            recommendation.setBasisIndicator(indicator);
            recommendation.setValue(value);
            recommendation.setThreshold(threshold);
            recommendation.setDirection(rule.getDirection() != null ? rule.getDirection()
                    : indicator != null ? indicator.getDirection() : null);
            if (!new LinkedHashSet<>(recommendation.getAddresseeSchools()).equals(schools)) {
                recommendation.getAddresseeSchools().clear();
                recommendation.getAddresseeSchools().addAll(schools);
            }
        }
    }

    private static String key(Recommendation recommendation) {
        if (recommendation.getAddresseeGroup() != null) {
            return "group:" + recommendation.getAddresseeGroup().getCode();
        }
        if (recommendation.getAddresseeLevel() != null && recommendation.getAddresseeSchools().isEmpty()) {
            return "level:" + recommendation.getAddresseeLevel().getName();
        }
        return recommendation.getAddresseeSchools().isEmpty() ? "none"
                : "school:" + recommendation.getAddresseeSchools().get(0).getCode();
    }

    private static Map<String, Draft> drafts(RecommendationRule rule, Period period, Expression condition,
            Map<Indicator, MonitoringEngine.IndicatorResult> now, Map<Indicator, MonitoringEngine.IndicatorResult> before,
            Map<RiskGroup, RiskGroups.RiskListResult> byGroup, List<String> problems) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Indicator indicator = rule.getIndicator();
        MonitoringEngine.IndicatorResult result = indicator == null ? null : now.get(indicator);
        MonitoringEngine.IndicatorResult previous = indicator == null ? null : before.get(indicator);
        Double threshold = rule.getThreshold() != null ? rule.getThreshold()
                : indicator != null ? indicator.getThreshold() : null;
        String periodName = period.getName() != null ? period.getName() : period.getCode();
        AddresseeKind kind = rule.getAddressee() == null ? AddresseeKind.SCHOOL : rule.getAddressee();
        if (kind != AddresseeKind.RISK_GROUP && result == null) {
            problems.add(Messages.bind(Messages.ruleNoValues, rule.getCode(),
                    indicator == null ? "—" : indicator.getCode()));
            return drafts;
        }
        switch (kind) {
        case SCHOOL -> {
            for (MonitoringEngine.SchoolResult school : result.schools()) {
                if (!school.value().present()) {
                    continue;
                }
                Map<String, FormulaValue> names = summary(result, threshold);
                Organisation org = school.school();
                double value = school.value().number();
                names.put("value", FormulaValue.of(value));
                put(names, "median", result.clusterMedian(org));
                put(names, "mean", result.clusterMean(org));
                names.put("rank", FormulaValue.of(school.rank()));
                names.put("scaled", FormulaValue.of(school.scaled()));
                OptionalDouble was = previous == null ? OptionalDouble.empty() : previous.value(org);
                put(names, "previous", was);
                put(names, "change", was.isPresent() ? OptionalDouble.of(value - was.getAsDouble())
                        : OptionalDouble.empty());
                if (holds(condition, names)) {
                    Map<String, String> texts = texts(names);
                    texts.put("school", org.getName() != null ? org.getName() : org.getCode());
                    texts.put("indicator", indicatorText(indicator));
                    texts.put("period", periodName);
                    drafts.put("school:" + org.getCode(), new Draft("school:" + org.getCode(), org, null, null,
                            Set.of(org), indicator, value, threshold, fill(rule, texts)));
                }
            }
        }
        case RISK_GROUP -> {
            RiskGroups.RiskListResult list = rule.getRiskGroup() == null ? null : byGroup.get(rule.getRiskGroup());
            if (list == null) {
                problems.add(Messages.bind(Messages.ruleNoRiskList, rule.getCode(),
                        rule.getRiskGroup() == null ? "—" : rule.getRiskGroup().getCode()));
                return drafts;
            }
            if (list.schools().isEmpty()) {
                return drafts;
            }
            Map<String, FormulaValue> names = result == null ? new HashMap<>() : summary(result, threshold);
            names.put("count", FormulaValue.of(list.schools().size()));
            names.put("entered", FormulaValue.of(list.entered().size()));
            names.put("left", FormulaValue.of(list.left().size()));
            if (holds(condition, names)) {
                Map<String, String> texts = texts(names);
                texts.put("group", rule.getRiskGroup().getCode());
                texts.put("schools", list.schools().stream().map(Organisation::getCode).sorted()
                        .collect(Collectors.joining(", ")));
                texts.put("indicator", indicatorText(indicator));
                texts.put("period", periodName);
                String key = "group:" + rule.getRiskGroup().getCode();
                drafts.put(key, new Draft(key, null, rule.getRiskGroup(), null, new LinkedHashSet<>(list.schools()),
                        indicator, null, threshold, fill(rule, texts)));
            }
        }
        case LEVEL -> {
            Map<String, FormulaValue> names = summary(result, threshold);
            put(names, "median", result.overall().median());
            put(names, "mean", result.overall().mean());
            if (holds(condition, names)) {
                Map<String, String> texts = texts(names);
                texts.put("indicator", indicatorText(indicator));
                texts.put("period", periodName);
                oko.model.ManagementLevel level = rule.getLevel() == null ? oko.model.ManagementLevel.MUNICIPAL
                        : rule.getLevel();
                String key = "level:" + level.getName();
                drafts.put(key, new Draft(key, null, null, level, Set.of(), indicator,
                        result.overall().median().isPresent() ? result.overall().median().getAsDouble() : null,
                        threshold, fill(rule, texts)));
            }
        }
        }
        return drafts;
    }

    private static Map<String, FormulaValue> summary(MonitoringEngine.IndicatorResult result, Double threshold) {
        Map<String, FormulaValue> names = new HashMap<>();
        names.put("count", FormulaValue.of(result.overall().schools()));
        put(names, "min", result.overall().min());
        put(names, "max", result.overall().max());
        put(names, "overall_median", result.overall().median());
        put(names, "overall_mean", result.overall().mean());
        if (threshold != null) {
            names.put("threshold", FormulaValue.of(threshold));
        }
        return names;
    }

    private static void put(Map<String, FormulaValue> names, String name, OptionalDouble value) {
        if (value.isPresent()) {
            names.put(name, FormulaValue.of(value.getAsDouble()));
        }
    }

    /** Whether the condition holds; without a value (e.g. no previous period yet) it does not. */
    private static boolean holds(Expression condition, Map<String, FormulaValue> names) {
        if (condition == null) {
            return true;
        }
        FormulaValue value = FormulaEvaluator.evaluate(condition, FormulaEvaluator.Inputs.of(names::get));
        return value.present() && value.isTrue();
    }

    private static String indicatorText(Indicator indicator) {
        if (indicator == null) {
            return "";
        }
        return indicator.getName() == null ? indicator.getCode() : indicator.getCode() + " «" + indicator.getName() + "»";
    }

    private static Map<String, String> texts(Map<String, FormulaValue> names) {
        Map<String, String> texts = new HashMap<>();
        names.forEach((name, value) -> texts.put(name, value.present() ? format(value.number()) : "—"));
        return texts;
    }

    /** A number as Russian texts write it: up to two decimals, decimal comma. */
    public static String format(double number) {
        DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ru")));
        return format.format(number);
    }

    private static String fill(RecommendationRule rule, Map<String, String> texts) {
        String template = rule.getTemplate() == null || rule.getTemplate().isBlank()
                ? (rule.getName() == null ? rule.getCode() : rule.getName())
                : rule.getTemplate();
        Matcher matcher = RuleValues.PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String replacement = texts.getOrDefault(matcher.group(1), "—");
            matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
