package plans

import "github.com/coach-dev/coach/skills"

// handover is a manager's wish to move off leading people, as their
// report's plan must carry it without saying it: the wish is in the
// manager's own file, private to them and their manager until the report's
// manager field changes. The report's plan says nothing of it; it only
// makes the promotion case and the staying conversation together with the
// manager's manager, so that neither rests on the manager alone.
type handover struct {
	with string // the manager's manager, by name
}

// handoverOf is p's manager's wish to move off leading people, read from
// the manager's file as the agendas read it (trackMoves); nil when the
// manager stays, or when nobody above them is named to share the case with.
func handoverOf(m *skills.Matrix, p *skills.Person, team *TeamIndex) *handover {
	mgr := team.people[p.Manager]
	if m == nil || mgr == nil || mgr.Aspiration == nil || mgr.Aspiration.Track != skills.TrackIC {
		return nil
	}
	if role := m.Role(mgr.Role); role == nil || !role.Leads || team.names[mgr.Manager] == "" {
		return nil
	}
	return &handover{with: team.names[mgr.Manager]}
}
