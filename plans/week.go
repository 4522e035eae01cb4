package plans

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Week is an ISO 8601 week, written 2026-W48. Weeks start on Monday; week 1
// is the week with the year's first Thursday.
type Week struct {
	Year, Num int
}

var weekPattern = regexp.MustCompile(`^(\d{4})-W(\d{2})$`)

// ParseWeek reads "2026-W48", checking that the week exists in that year.
func ParseWeek(s string) (Week, error) {
	m := weekPattern.FindStringSubmatch(s)
	if m == nil {
		return Week{}, fmt.Errorf("week %q is not written as YYYY-Www, like 2026-W48", s)
	}
	y, _ := strconv.Atoi(m[1])
	n, _ := strconv.Atoi(m[2])
	if last := WeeksIn(y); n < 1 || n > last {
		return Week{}, fmt.Errorf("week %q does not exist: %d has weeks 01 to %02d", s, y, last)
	}
	return Week{y, n}, nil
}

// WeeksIn is the number of ISO weeks in year: 52 or 53.
func WeeksIn(year int) int {
	_, w := time.Date(year, 12, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
	return w
}

// WeekOf is the ISO week that t falls in.
func WeekOf(t time.Time) Week {
	y, w := t.ISOWeek()
	return Week{y, w}
}

// Monday is the first day of the week, at midnight UTC.
func (w Week) Monday() time.Time {
	// The fourth of January is always in week 1.
	jan4 := time.Date(w.Year, 1, 4, 0, 0, 0, 0, time.UTC)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -offset+7*(w.Num-1))
}

// Day is the given weekday of the week.
func (w Week) Day(d time.Weekday) time.Time {
	return w.Monday().AddDate(0, 0, (int(d)+6)%7)
}

// String writes the week as 2026-W48.
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Num) }

// Before reports whether w is an earlier week than o.
func (w Week) Before(o Week) bool {
	return w.Year < o.Year || (w.Year == o.Year && w.Num < o.Num)
}

// index counts weeks from a fixed Monday, so that rotations do not restart
// each January.
func (w Week) index() int {
	epoch := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC) // a Monday
	return int(w.Monday().Sub(epoch).Hours() / (24 * 7))
}

// MeetingWeek is the week of the next 1:1 on or after today, when 1:1s are
// on weekday: on a day after this week's 1:1, the next week. today is read
// as a calendar date in its own location.
func MeetingWeek(today time.Time, weekday time.Weekday) Week {
	w := WeekOf(today)
	t := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	if d := w.Day(weekday); d.Before(t) {
		return WeekOf(d.AddDate(0, 0, 7))
	}
	return w
}
