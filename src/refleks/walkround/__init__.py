"""The walkround: the kit of one visit, deadlines, checks, status read-back, scaffold, blanks."""
