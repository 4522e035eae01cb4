package plans

import (
	"fmt"
	"time"

	"github.com/coach-dev/coach/skills"
)

// Quarter names the quarter holding day: "2026-Q4". Reviews and
// self-reviews are kept by quarter.
func Quarter(day time.Time) string {
	return fmt.Sprintf("%04d-Q%d", day.Year(), (int(day.Month())-1)/3+1)
}

// ReviewPath is where the review of person id for period is written:
// reviews/PERIOD/ID.md, with slashes.
func ReviewPath(period, id string) string { return "reviews/" + period + "/" + id + ".md" }

// reviewFile is the review that a review date leads to: the review of the
// quarter holding the date. It is read from the date alone, never from
// whether the review exists yet, so that a committed plan or agenda stays
// the same when the review is written.
func reviewFile(id, reviewDate string) string {
	day, err := time.Parse(time.DateOnly, reviewDate)
	if err != nil {
		return ""
	}
	return ReviewPath(Quarter(day), id)
}

// ReviewPrep is the preparation of a review, on the agenda of the last 1:1
// before it: the self-review to ask for, the evidence since the last
// assessment, and the review to fill in.
type ReviewPrep struct {
	// Date is the review's date in words, Period the quarter holding it.
	Date   string `json:"date"`
	Period string `json:"period"`
	// Review is where the review is written, Self where the person's
	// self-review of the quarter goes.
	Review string `json:"review"`
	Self   string `json:"self"`
	// Since is the day of the last assessment, in words; Evidence counts
	// the entries dated after it up to the 1:1, on Skills.
	Since    string   `json:"since,omitempty"`
	Evidence int      `json:"evidence"`
	Skills   []string `json:"skills"`
}

// reviewPrep is the preparation of the review on date review when the 1:1
// on day is the last one before it (the review falls within the week after
// the 1:1); nil otherwise.
func reviewPrep(m *skills.Matrix, p *skills.Person, day, review time.Time) *ReviewPrep {
	if review.IsZero() || !review.After(endOfDay(day)) || review.After(endOfDay(day.AddDate(0, 0, 7))) {
		return nil
	}
	q := Quarter(review)
	r := &ReviewPrep{Date: longDate(review, day), Period: q, Review: ReviewPath(q, p.ID), Self: "self/" + q + "/" + p.ID + ".md", Skills: []string{}}
	since := p.Assessed
	if !since.IsZero() {
		r.Since = longDate(since, day)
	}
	seen := map[string]bool{}
	for _, e := range p.Evidence {
		if e.Date.After(since) && !e.Date.After(endOfDay(day)) {
			r.Evidence++
			seen[e.Skill] = true
		}
	}
	for _, s := range m.Skills {
		if seen[s.ID] {
			r.Skills = append(r.Skills, s.Name)
		}
	}
	return r
}
