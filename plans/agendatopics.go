package plans

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// A topic the person raised and nobody ticked may still have been talked
// about: coach cannot know, so it never says "not discussed yet" (cold
// read 15, finding 1). When the notes of a 1:1 held since it was raised
// name it, by two of its own words in one paragraph or bullet, the topic
// quotes that line and asks for a decision; otherwise it is still open.

// topicStop are words of four letters or more that say nothing of what a
// topic is about.
var topicStop = map[string]bool{
	"whether": true, "take": true, "about": true, "with": true, "what": true,
	"that": true, "this": true, "from": true, "have": true, "should": true,
	"would": true, "could": true, "when": true, "where": true, "which": true,
	"their": true, "there": true, "them": true, "they": true, "then": true,
	"than": true, "into": true, "over": true, "more": true, "some": true,
	"will": true, "been": true, "were": true, "your": true, "just": true,
	"also": true, "want": true, "wants": true, "need": true, "needs": true,
	"make": true, "does": true, "talk": true, "discuss": true, "next": true,
}

// topicWords are the significant words of text: lowercased, of four
// letters or more, not in topicStop, each by its first five letters once a
// final s is dropped, so that "reviews" and "review", "attend" and
// "attending" are one word.
func topicWords(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) < 4 || topicStop[w] {
			continue
		}
		if r := []rune(strings.TrimSuffix(w, "s")); len(r) > 5 {
			w = string(r[:5])
		} else {
			w = string(r)
		}
		out[w] = true
	}
	return out
}

// noteUnits splits the lines of an agenda's notes into its paragraphs and
// bullets, each on one line, without list, checkbox or quote markers.
func noteUnits(notes []Markdown) []string {
	var out []string
	cur := ""
	flush := func() {
		if s := strings.TrimSpace(cur); s != "" {
			out = append(out, s)
		}
		cur = ""
	}
	for _, l := range notes {
		t := strings.TrimSpace(string(l))
		for strings.HasPrefix(t, ">") {
			t = strings.TrimSpace(t[1:])
		}
		if t == "" {
			flush()
			continue
		}
		bullet := false
		for _, p := range []string{"- ", "* ", "+ "} {
			if strings.HasPrefix(t, p) {
				t, bullet = strings.TrimSpace(t[len(p):]), true
			}
		}
		if i := strings.Index(t, ". "); i > 0 && i <= 3 && strings.TrimLeft(t[:i], "0123456789") == "" {
			t, bullet = strings.TrimSpace(t[i+2:]), true
		}
		if len(t) >= 3 && t[0] == '[' && t[2] == ']' {
			t = strings.TrimSpace(t[3:])
		}
		if bullet || strings.HasPrefix(t, "#") {
			flush()
		}
		cur += " " + strings.TrimLeft(t, "# ")
		if strings.HasPrefix(t, "#") {
			flush()
		}
	}
	flush()
	return out
}

// maxTopicQuote is the longest note a topic quotes, in bytes.
const maxTopicQuote = 200

// discussedTopics sets, on each open topic, the note of the latest 1:1
// held since it was raised (its own included) that names it by two or
// more of its significant words: the paragraph or bullet with the most of
// them, the first on a tie. wd is the team's 1:1 weekday, day this 1:1's.
func discussedTopics(topics []Item, pv *PreviousAgenda, wd time.Weekday, day time.Time) {
	for i := range topics {
		t := &topics[i]
		raised, err := ParseWeek(t.Since)
		if err != nil {
			continue
		}
		words := topicWords(string(t.Text))
		if len(words) < 2 {
			continue
		}
		for _, a := range pv.held() {
			if a.Week.Before(raised) {
				break
			}
			best, most := "", 1
			for _, u := range noteUnits(a.Notes) {
				n := 0
				for w := range topicWords(u) {
					if words[w] {
						n++
					}
				}
				if n > most {
					best, most = u, n
				}
			}
			if best != "" {
				q := strings.TrimSuffix(cutWords(best, maxTopicQuote), ".")
				t.Noted, t.NotedOn = Markdown(q), longDate(a.Week.Day(wd), day)
				break
			}
		}
	}
}

// cutWords shortens s to at most n bytes at a space, marking the cut.
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndex(s[:n], " "); i > 0 {
		return strings.TrimRight(s[:i], ",;:") + "…"
	}
	return cut(s, n)
}
