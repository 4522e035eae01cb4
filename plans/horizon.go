package plans

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// A matrix action or its evidence can run longer than the plan ("check it
// against the actuals six months later", "run it for two quarters"): in a
// 90-day plan it is scoped to what is done by the plan's end, and the rest
// is said to come after it (cold read 7).

// longHorizon matches a span of time longer than a plan's 90 days.
var longHorizon = regexp.MustCompile(`(?i)\b(?:(?:four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|[4-9]|1[0-9]) months|(?:two|three|four) quarters|(?:a|one|two) years?)\b`)

// maySpanLong is false when text cannot match longHorizon: every span it
// matches ends in "months", "quarters", "year" or "years", in any case.
// It spares the regular expression the many actions and evidence entries
// that name no span (scopeToPlan ran on every one of 2,000 plans' texts:
// 0.44 s of CPU of plan --all on the benchmark's 2,000 people).
func maySpanLong(text string) bool {
	for _, w := range []string{"onth", "ONTH", "uarter", "UARTER", "ear", "EAR"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// laterVerbs open the clause of an action that follows its first step:
// the part that takes the long horizon.
var laterVerbs = []string{"check", "run", "retell", "keep", "report", "review", "measure", "repeat", "track"}

// scopeToPlan scopes text, an action or its evidence, to the plan ending
// on end: unchanged when it has no span longer than the plan; else the
// first step by end, then the rest "after this plan" when the long span is
// in a later clause, or "by end, a first step; in full, after this plan"
// when the whole of it is the long span.
func scopeToPlan(text, end string) string {
	if !maySpanLong(text) {
		return text
	}
	loc := longHorizon.FindStringIndex(text)
	if loc == nil || end == "" || strings.Count(text[:loc[0]], "\"")%2 == 1 {
		return text // no long span, or one inside a quotation of the matrix's words
	}
	body := strings.TrimSuffix(text, ".")
	for _, sep := range []string{", and ", " and "} {
		for i := 0; ; {
			k := strings.Index(body[i:], sep)
			if k < 0 {
				break
			}
			at := i + k
			i = at + len(sep)
			if at >= loc[0] {
				break
			}
			rest := body[at+len(sep):]
			verb, _, _ := strings.Cut(rest, " ")
			for _, v := range laterVerbs {
				if verb == v {
					return body[:at] + ", by " + end + "; after this plan: " + rest + "."
				}
			}
		}
	}
	return "By " + end + ", a first step; in full, after this plan: " + lowerFirst(body) + "."
}

// scopeFocusToPlan sets what the plan says of every focus action and its
// evidence, scoped to the plan ending on end, days from its today (see
// scopeToPlan): InPlan and EvidenceInPlan, set only where they differ.
// Evidence that counts a span of one thing longer than the plan says what
// the review can see of it in its own terms, then the span in full (see
// visibleBy). Text and Evidence stay the matrix's, for the agendas that
// read them.
func scopeFocusToPlan(focus []Focus, end string, days int) {
	for i := range focus {
		for j := range focus[i].Actions {
			a := &focus[i].Actions[j]
			if t := scopeToPlan(cmp.Or(a.After, a.Text), end); t != cmp.Or(a.After, a.Text) {
				a.InPlan = t
			}
			if v := visibleBy(a.Text, a.Evidence, days); v != "" && end != "" {
				a.EvidenceInPlan = fmt.Sprintf("By %s: %s; in full, after this plan: %s", end, v, lowerFirst(a.Evidence))
			} else if t := scopeToPlan(a.Evidence, end); t != a.Evidence {
				a.EvidenceInPlan = t
			}
		}
	}
}

// rhythms are the cadences an action can name, with their length in days.
var rhythms = []struct {
	words string
	days  int
}{
	{"fortnightly", 14}, {"every two weeks", 14}, {"weekly", 7}, {"each week", 7}, {"every week", 7},
	{"monthly", 30}, {"each month", 30}, {"every month", 30}, {"quarterly", 90},
}

// spanOf matches evidence that is a count of time of one thing ("Six
// months of meetings, and ..."): the span and the thing; spanDays are the
// spans it matches, in days.
var spanOf = regexp.MustCompile(`^(?i)(six months|two quarters|three quarters|four quarters|a quarter|one quarter|three months|two months) of ([a-z]+)(?:[,.]| and |$)`)

var spanDays = map[string]int{"six months": 180, "two quarters": 180, "three quarters": 270, "four quarters": 360,
	"a quarter": 90, "one quarter": 90, "three months": 90, "two months": 60}

// visibleBy says what of evidence written for a span of one thing ("Six
// months of meetings, and the partner head naming you") can be seen after
// days of its action, counted at the action's own rhythm ("meet
// monthly"): "three meetings held". It is the one reading of the horizon
// the plan's step, its checkpoints and the agendas all say, beside the
// evidence in full; "" when the span fits in days, the evidence counts no
// span of one thing, or the action names no rhythm.
func visibleBy(action, evidence string, days int) string {
	m := spanOf.FindStringSubmatch(evidence)
	if m == nil || days <= 0 {
		return ""
	}
	span := spanDays[strings.ToLower(m[1])]
	if span <= days {
		return ""
	}
	period := 0
	low := strings.ToLower(action)
	for _, r := range rhythms {
		if strings.Contains(low, r.words) {
			period = r.days
			break
		}
	}
	if period == 0 {
		return ""
	}
	n := max(1, (days+period/2)/period)
	if n >= len(countWords) {
		return ""
	}
	thing := strings.ToLower(m[2])
	if n == 1 {
		thing = singular(thing)
	}
	return countWords[n] + " " + thing + " held"
}

// checkpointSees is what a checkpoint days into a plan of planDays can
// see of an action's evidence written for a span of one thing (see
// visibleBy): the count so far and, when the whole span fits in the plan,
// the rest of the evidence too ("four critiques held, and fewer features
// built without a test"); when it runs past the plan, the rest comes after
// it, as the plan's step says. "" when visibleBy has nothing.
func checkpointSees(action, evidence string, days, planDays int) string {
	v := visibleBy(action, evidence, days)
	if v == "" {
		return ""
	}
	m := spanOf.FindStringSubmatchIndex(evidence)
	if spanDays[strings.ToLower(evidence[m[2]:m[3]])] > planDays {
		return v
	}
	return v + strings.TrimSuffix(evidence[m[5]:], ".")
}

// singular is a plural noun's singular: "meetings", "launches".
func singular(s string) string {
	for _, end := range []string{"ches", "shes", "xes", "sses"} {
		if strings.HasSuffix(s, end) {
			return strings.TrimSuffix(s, "es")
		}
	}
	return strings.TrimSuffix(s, "s")
}

// daysTo is the number of days from day to the date end, 0 when either is
// missing or end is not after day.
func daysTo(day time.Time, end string) int {
	t, err := time.Parse(time.DateOnly, end)
	if err != nil || day.IsZero() || !t.After(day) {
		return 0
	}
	return int(t.Sub(day).Hours() / 24)
}
