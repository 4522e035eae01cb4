package cycle_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// git runs git in dir with the commit's date and author fixed.
func git(t *testing.T, dir, when, author string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+when, "GIT_COMMITTER_DATE="+when,
		"GIT_AUTHOR_NAME="+author, "GIT_AUTHOR_EMAIL=a@example.com", "GIT_COMMITTER_NAME="+author, "GIT_COMMITTER_EMAIL=a@example.com",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func write(t *testing.T, dir, rel, text string) {
	t.Helper()
	file := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// person is a skill file of a PM managed by sam, with levels.
func person(name, extra, levels string) string {
	return "name = \"" + name + "\"\nrole = \"pm\"\nmanager = \"sam\"\n" + extra + "\n[levels]\n" + levels
}

const (
	// The Senior PM bar: communication 3, negotiation 3, customer-insight
	// 3, outcome-focus 3, product-strategy 3, technical-fluency 3,
	// ux-discovery 3, execution-delivery 3.
	before = "communication = 3\nnegotiation = 2\ncustomer-insight = 3\noutcome-focus = 3\nproduct-strategy = 3\ntechnical-fluency = 3\nux-discovery = 3\nexecution-delivery = 3\n"
	// after the merged branch: negotiation reaches the bar.
	merged = "communication = 3\nnegotiation = 3\ncustomer-insight = 3\noutcome-focus = 3\nproduct-strategy = 3\ntechnical-fluency = 3\nux-discovery = 3\nexecution-delivery = 3\n"
	// a new manager's re-baseline: seven levels moved at once, communication
	// below the bar.
	rebased = "communication = 2\nnegotiation = 4\ncustomer-insight = 4\noutcome-focus = 4\nproduct-strategy = 4\ntechnical-fluency = 4\nux-discovery = 4\nexecution-delivery = 3\n"
	// communication back at the bar, with evidence.
	back = "communication = 3\nnegotiation = 4\ncustomer-insight = 4\noutcome-focus = 4\nproduct-strategy = 4\ntechnical-fluency = 4\nux-discovery = 4\nexecution-delivery = 3\n"
)

// danaHistory is the history of Dana's file: a first assessment, a rename,
// a level raised on a branch and merged, a new manager's re-baseline on
// 2026-05-04, and communication back at the bar on 2026-06-01, with the
// file as it stands after that commit.
func danaHistory(t *testing.T) (*skills.Repo, *skills.Person, []skills.Change) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	git(t, dir, "2026-01-05T10:00:00Z", "Maya", "init", "-q", "-b", "main")
	write(t, dir, "coach.toml", "[[leader]]\nid = \"sam\"\nname = \"Sam Lee\"\n")
	write(t, dir, "skills/dan.toml", person("Dana Reyes", "joined = 2024-01-08", before))
	git(t, dir, "2026-01-05T10:00:00Z", "Maya", "add", "-A")
	git(t, dir, "2026-01-05T10:00:00Z", "Maya", "commit", "-q", "-m", "Dana: first assessment, calibrated with the group")
	git(t, dir, "2026-02-02T10:00:00Z", "Maya", "mv", "skills/dan.toml", "skills/dana.toml")
	git(t, dir, "2026-02-02T10:00:00Z", "Maya", "commit", "-q", "-m", "Rename Dana's skill file")
	git(t, dir, "2026-03-02T10:00:00Z", "Maya", "checkout", "-q", "-b", "dana/renewal")
	write(t, dir, "skills/dana.toml", person("Dana Reyes", "joined = 2024-01-08", merged)+
		"\n[[evidence]]\ndate = 2026-02-27\nskill = \"negotiation\"\ntext = \"Closed the vendor renewal at a lower price\"\n")
	git(t, dir, "2026-03-02T10:00:00Z", "Maya", "commit", "-q", "-am", "Dana: negotiation 2 -> 3")
	git(t, dir, "2026-03-20T10:00:00Z", "Maya", "checkout", "-q", "main")
	git(t, dir, "2026-03-20T10:00:00Z", "Maya", "merge", "-q", "--no-ff", "-m", "Merge branch 'dana/renewal'", "dana/renewal")
	write(t, dir, "skills/dana.toml", person("Dana Reyes", "joined = 2024-01-08", rebased)+
		"\n[[evidence]]\ndate = 2026-02-27\nskill = \"negotiation\"\ntext = \"Closed the vendor renewal at a lower price\"\n")
	git(t, dir, "2026-05-04T10:00:00Z", "Lee Park", "commit", "-q", "-am", "Dana: my first assessment")
	final := person("Dana Reyes", "joined = 2024-01-08\nassessed = 2026-06-10", back) +
		"\n[[evidence]]\ndate = 2026-02-27\nskill = \"negotiation\"\ntext = \"Closed the vendor renewal at a lower price\"\n" +
		"\n[[evidence]]\ndate = 2026-05-28\nskill = \"communication\"\ntext = \"The monthly review is read by Finance\"\n"
	write(t, dir, "skills/dana.toml", final)
	git(t, dir, "2026-06-01T10:00:00Z", "Lee Park", "commit", "-q", "-am", "Dana: communication back to 3")
	// The plan's history: the last commit is the file as it stands.
	write(t, dir, "skills/dana.toml", strings.Replace(final, "assessed = 2026-06-10", "assessed = 2026-06-11", 1))

	res, err := history.Read(dir, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	repo, err := skills.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := repo.Person("dana")
	if err != nil {
		t.Fatal(err)
	}
	own := res.ByPerson()["dana"]
	return repo, p, own
}

// TestAtBarSinceFromHistory reads "at the bar since" for each skill from a
// real git history: a skill's run goes on across a rename of the skill
// file, a branch's raise counts from its own commit rather than the merge,
// and a re-baseline that drops a skill below the bar ends its run while
// the skills it raised start theirs on its day, which the case says is not
// calibrated.
func TestAtBarSinceFromHistory(t *testing.T) {
	repo, p, own := danaHistory(t)
	got := plans.SkillsAtBarSince(repo.Matrix, p, "senior-pm", own)
	want := map[string]string{
		"communication":      "2026-06-01", // the re-baseline broke its run
		"negotiation":        "2026-03-02", // the branch's commit, not the merge
		"customer-insight":   "2026-01-05", // across the rename
		"outcome-focus":      "2026-01-05",
		"product-strategy":   "2026-01-05",
		"technical-fluency":  "2026-01-05",
		"ux-discovery":       "2026-01-05",
		"execution-delivery": "2026-01-05",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SkillsAtBarSince (-want +got):\n%s", diff)
	}

	pl, err := plans.Build(plans.Input{Matrix: repo.Matrix, Config: repo.Config, Person: p, Team: repo.People, History: own})
	if err != nil {
		t.Fatal(err)
	}
	c, err := cycle.BuildCase(cycle.PromoInput{Matrix: repo.Matrix, Config: repo.Config, Person: p, Team: repo.People, Plan: pl, History: own})
	if err != nil {
		t.Fatal(err)
	}
	if c.InRole.Since != "2024-01-08" || c.InRole.From != "joined" || c.InRole.Months != 29 {
		t.Errorf("in role: %+v, want since 2024-01-08, joined, 29 months", c.InRole)
	}
	if c.Sponsor == nil || c.Sponsor.Name != "Sam Lee" || c.Chair != nil {
		t.Errorf("sponsor %v, chair %v: want Sam Lee, and no chair above a leader", c.Sponsor, c.Chair)
	}
	var rebaseline bool
	for _, a := range c.Against {
		rebaseline = rebaseline || strings.Contains(a, "Lee Park's re-assessment of Dana (2026-05-04")
	}
	if !rebaseline {
		t.Errorf("the case does not say the re-baseline is not calibrated:\n%s", strings.Join(c.Against, "\n"))
	}
}
