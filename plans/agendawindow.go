package plans

import (
	"regexp"
	"strings"
	"time"
)

// A goal whose own words bound it to a period ("Mentor Sam Patel through
// his first quarter") has no later date to move to once its date has
// passed: the period is over. What is open is how it went, so the agenda
// asks for its outcome, never for a new date (cold read 20, point 1).

// windowWords finds the period a goal's text bounds it to: someone's
// first quarter, month or N days, weeks or months; this or next quarter;
// a quarter by name.
var windowWords = regexp.MustCompile(`(?i)\b(?:(?:his|her|their|your|my|our|the|its) )?(?:first|this|next) (?:quarter|month|year|(?:\d+|two|three|four|six|nine) (?:days|weeks|months))\b|\bQ[1-4]\b`)

// goalWindow is the period a goal's text bounds it to, as the goal says
// it ("his first quarter"), or "".
func goalWindow(text string) string {
	w := windowWords.FindString(text)
	if strings.HasPrefix(strings.ToLower(w), "this ") || strings.HasPrefix(strings.ToLower(w), "next ") {
		// Said after the period, "this quarter" is the one the goal was
		// written in.
		_, rest, _ := strings.Cut(w, " ")
		w = "the " + rest
	}
	return w
}

// windowAsk is the question for a goal past its date whose text bounds it
// to window: its outcome, first asked, then asked to be written down and
// the goal closed. asked is set when an earlier 1:1 held it past its date
// already.
func windowAsk(window string, due, last time.Time) string {
	if last.IsZero() || !due.Before(last) {
		return "That window, " + window + ", is over, so no new date fits: how did it go, and what do we write down as its outcome?"
	}
	return "Its window, " + window + ", is over and no outcome is written down yet: say today what it achieved and what was left, and we close it with that."
}
