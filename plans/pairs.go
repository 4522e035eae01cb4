package plans

import (
	"regexp"
	"slices"
	"strings"

	"github.com/coach-dev/coach/skills"
)

// pairsCount matches a count of pairs in an action's text or evidence
// ("Three mentoring pairs running"): the number word, the words between
// and "pair" or "pairs".
var pairsCount = regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten) ((?:[a-z]+ )?)pairs?\b`)

// pairsInTeam is how many pairs of a more senior and a more junior person
// the people under leader can make, by the rank of their roles on the
// matrix's ladder, each person in one pair at most.
func pairsInTeam(m *skills.Matrix, team *TeamIndex, leader string) int {
	rank := map[string]int{}
	for _, r := range m.Roles {
		k := 0
		for id, seen := r.ID, map[string]bool{}; id != "" && !seen[id]; k++ {
			seen[id] = true
			rank[id] = max(rank[id], k)
			next := m.Role(id)
			if next == nil {
				break
			}
			id = next.Next
		}
	}
	var ranks []int
	for _, id := range team.ids {
		if q := team.people[id]; q != nil && id != leader && underOf(team, leader, id) {
			ranks = append(ranks, rank[q.Role])
		}
	}
	slices.Sort(ranks)
	n := len(ranks)
	for k := n / 2; k > 0; k-- {
		ok := true
		for i := range k {
			if ranks[i] >= ranks[n-k+i] {
				ok = false
				break
			}
		}
		if ok {
			return k
		}
	}
	return 0
}

// onePair are the plurals a text says of pairs and of the people in them
// ("the pairs", "the juniors' development plans"), said in the singular
// when the team makes one pair: the number agrees with the count.
var onePair = regexp.MustCompile(`\bthe pairs\b|\bthe [a-z]+s' (?:[a-z]+ )?[a-z]+s\b|\bthe [a-z]+s\b`)

// pairsFromTeam sets a count of pairs an action states to the pairs the
// leader's people can make (see pairsInTeam): a number the team cannot
// meet is not asked for. With no pair possible the count is left out; with
// one, the pairs and their people's plurals are said in the singular.
func pairsFromTeam(text string, k int) string {
	if k == 1 && (pairsCount.MatchString(text) || strings.Contains(text, "the pairs")) {
		text = onePair.ReplaceAllStringFunc(text, func(s string) string {
			switch {
			case s == "the pairs":
				return "the pair"
			case strings.Contains(s, "' "):
				// the juniors' development plans -> the junior's development plan
				return strings.Replace(strings.TrimSuffix(s, "s"), "s' ", "'s ", 1)
			case slices.Contains(strings.Fields(text), strings.TrimSuffix(strings.TrimPrefix(s, "the "), "s")):
				// A plural of someone the text names in the singular
				// ("each senior PM … coach the seniors"): one of them.
				return strings.TrimSuffix(s, "s")
			}
			return s
		})
	}
	return pairsCount.ReplaceAllStringFunc(text, func(s string) string {
		sub := pairsCount.FindStringSubmatch(s)
		noun := "pairs"
		if k == 1 {
			noun = "pair"
		}
		w := sub[2] + noun
		if k > 0 {
			w = number(k) + " " + w
		}
		if s[0] >= 'A' && s[0] <= 'Z' {
			w = upperFirst(w)
		}
		return w
	})
}

// pairsOfTeam sets the counts of pairs in the focus actions of a people
// leader's plan to what their people can make.
func pairsOfTeam(m *skills.Matrix, team *TeamIndex, p *skills.Person, focus []Focus) {
	if len(team.reports[p.ID]) == 0 {
		return
	}
	k := pairsInTeam(m, team, p.ID)
	for i := range focus {
		for j := range focus[i].Actions {
			a := &focus[i].Actions[j]
			a.Text, a.Evidence = pairsFromTeam(a.Text, k), pairsFromTeam(a.Evidence, k)
			if a.After != "" {
				a.After = pairsFromTeam(a.After, k)
			}
		}
	}
}
