package plans

import (
	"cmp"
	"regexp"
	"strings"
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
// evidence, scoped to the plan ending on end (see scopeToPlan): InPlan and
// EvidenceInPlan, set only where they differ. Text and Evidence stay the
// matrix's, for the agendas that read them.
func scopeFocusToPlan(focus []Focus, end string) {
	for i := range focus {
		for j := range focus[i].Actions {
			a := &focus[i].Actions[j]
			if t := scopeToPlan(cmp.Or(a.After, a.Text), end); t != cmp.Or(a.After, a.Text) {
				a.InPlan = t
			}
			if t := scopeToPlan(a.Evidence, end); t != a.Evidence {
				a.EvidenceInPlan = t
			}
		}
	}
}
