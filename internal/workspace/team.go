package workspace

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// TeamViews builds every person's plan once, and returns what builds
// the team view under an id ("" for the whole repository) from them.
// It also returns the ids of the views there can be: the people's
// and the leaders'.
func (w *Workspace) TeamViews(ctx context.Context) (func(under string) (*plans.Team, error), map[string]bool, error) {
	people, err := w.People(nil)
	if err != nil {
		return nil, nil, err
	}
	built, err := w.BuildPlans(ctx, people, false)
	if err != nil {
		return nil, nil, err
	}
	valid := map[string]bool{}
	for _, p := range people {
		valid[p.ID] = true
	}
	for _, l := range w.Repo.Config.Leaders {
		valid[l.ID] = true
	}
	byID := make(map[string]*plans.Plan, len(people))
	for i, p := range people {
		byID[p.ID] = built[i].Plan
	}
	return func(under string) (*plans.Team, error) {
		return plans.BuildTeam(plans.TeamInput{Matrix: w.Repo.Matrix, Config: w.Repo.Config, People: people,
			Plans: byID, Index: w.TeamIndex(), Under: under})
	}, valid, nil
}

// SubViews lists the ids of the views under one person or leader written
// before (team/ID.md, by `coach team --under ID`), which `coach team`
// refreshes and `coach team --check` checks with team.md, and, apart, the
// views coach wrote (they start with its marker) whose id is no longer a
// person or leader. Another file in team/ is not coach's: it is left alone,
// and so is the view under someone whose file has errors (said already,
// and exit 1) until it is fixed. valid are the ids there can be a view of.
func (w *Workspace) SubViews(valid map[string]bool) (ids, orphans []string, err error) {
	matches, err := fs.Glob(w.Repo.FS(), "team/*.md")
	if err != nil {
		return nil, nil, err
	}
	inRepo := map[string]bool{}
	for _, f := range w.Repo.Files {
		inRepo[skills.PersonID(f)] = true
	}
	for _, m := range matches {
		id := strings.TrimSuffix(path.Base(m), ".md")
		switch {
		case valid[id]:
			ids = append(ids, id)
		case inRepo[id]:
		case coachWrote(w.Repo.FS(), m, plans.TeamMarker()):
			orphans = append(orphans, plans.TeamPath(id))
		}
	}
	return ids, orphans, nil
}

// coachWrote reports whether file starts with coach's marker.
func coachWrote(fsys fs.FS, file, marker string) bool {
	f, err := fsys.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(marker)+2)
	n, _ := io.ReadFull(f, head)
	return bytes.HasPrefix(bytes.ReplaceAll(head[:n], []byte("\r\n"), []byte("\n")), []byte(marker+"\n"))
}

// RenderTeam renders a team view as the file coach writes: its marker
// line, then the view through the team template.
func (w *Workspace) RenderTeam(v *plans.Team) ([]byte, error) {
	body, err := w.Templates.Render("team.md.tmpl", v)
	if err != nil {
		return nil, err
	}
	return append([]byte(plans.TeamMarker()+"\n"), body...), nil
}

// WrittenTeamViews renders the team views already written, team.md and
// each team/ID.md under it, as what a change to the files makes of them;
// nil when team.md was never written. A plan written for one person moves
// them (a mentoring pair, a verdict), so the loop's plan step refreshes
// them with the plans.
func (w *Workspace) WrittenTeamViews(ctx context.Context) ([]TeamFile, error) {
	if _, err := fs.Stat(w.Repo.FS(), plans.TeamPath("")); err != nil {
		return nil, nil
	}
	build, valid, err := w.TeamViews(ctx)
	if err != nil {
		return nil, err
	}
	subs, _, err := w.SubViews(valid)
	if err != nil {
		return nil, err
	}
	var views []TeamFile
	for _, under := range append([]string{""}, subs...) {
		v, err := build(under)
		if err != nil {
			return nil, err
		}
		content, err := w.RenderTeam(v)
		if err != nil {
			return nil, err
		}
		views = append(views, TeamFile{Path: plans.TeamPath(under), Content: content})
	}
	return views, nil
}

// TeamFile is a team view as written: its path from the coaching root and
// its bytes.
type TeamFile struct {
	Path    string
	Content []byte
}
