package plans

import "testing"

// Cold read 15: the note under the strengths of a held re-baseline says an
// example predates the assessment only of those that do.
func TestStrengthsEarlierOnlyOfThoseBefore(t *testing.T) {
	st := func(name, shows string) Strength {
		return Strength{SkillRef: SkillRef{ID: name, Name: name}, Shows: shows}
	}
	const day = "2026-05-04"
	for _, c := range []struct {
		name      string
		strengths []Strength
		want      string
	}{
		{"all before", []Strength{st("Pricing", `2026-01-10 ("a")`), st("Hiring", `2026-03-02 ("b")`)},
			"The examples date from before 2026-05-04: they showed the level before it, and the calibration looks for what shows the new one."},
		{"the one before", []Strength{st("Pricing", `2026-01-10 ("a")`), st("Hiring", "")},
			"The example dates from before 2026-05-04: it showed the earlier level, and the calibration looks for what shows the new one."},
		{"one of two before", []Strength{st("Pricing", `2026-06-10 ("a")`), st("Hiring", `2026-03-02 ("b")`)},
			"The example for Hiring dates from before 2026-05-04: it showed the earlier level, and the calibration looks for what shows the new one."},
		{"two of three before", []Strength{st("Pricing", `2026-01-10 ("a")`), st("Hiring", `2026-03-02 ("b")`), st("Roadmaps", `2026-05-04 ("c")`)},
			"The examples for Pricing and Hiring date from before 2026-05-04: they showed the level before it, and the calibration looks for what shows the new one."},
		{"none before", []Strength{st("Pricing", `2026-05-04 ("a")`), st("Hiring", `2026-07-01 ("b")`)}, ""},
		{"no example", []Strength{st("Pricing", "")}, ""},
	} {
		if got := strengthsEarlier(c.strengths, day); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
