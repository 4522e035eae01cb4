package gitobj

// EstimateCommits counts the commits stored whole in the pack files, from
// the type in each entry's header: an estimate of the history's length (it
// counts commits that HEAD does not reach, and misses loose ones), for the
// progress display only.
func (r *Repo) EstimateCommits() int {
	s := r.packs
	n := 0
	packs, _ := s.get()
	for _, p := range packs {
		for i := range p.idx.n {
			off, err := p.idx.offset(i)
			if err == nil && off < int64(len(p.data)) && (p.data[off]>>4)&7 == 1 {
				n++
			}
		}
	}
	return n
}
