package plans

import (
	"fmt"
	"time"
)

// Quarter names the quarter holding day: "2026-Q4". Reviews and
// self-reviews are kept by quarter.
func Quarter(day time.Time) string {
	return fmt.Sprintf("%04d-Q%d", day.Year(), (int(day.Month())-1)/3+1)
}

// ReviewPath is where the review of person id for period is written:
// reviews/PERIOD/ID.md, with slashes.
func ReviewPath(period, id string) string { return "reviews/" + period + "/" + id + ".md" }

// ReviewLink is the review that a plan's review date leads to, relative to
// the plans folder: the review of the quarter holding the date. It is read
// from the plan alone, never from whether the review exists yet, so that a
// committed plan stays the same when the review is written.
func ReviewLink(id, reviewDate string) string {
	day, err := time.Parse(time.DateOnly, reviewDate)
	if err != nil {
		return ""
	}
	return "../" + ReviewPath(Quarter(day), id)
}
