-- Indexes for the read model's triggers (V2 read_model_on_change): which programs a written row
-- belongs to. Without them every program write scanned the whole program table for programs it
-- supersedes (a price update touches its program): 214 ms of a price update's ~250 ms at 100,000
-- programs, against ~11 ms with the index. A source or test-vendor change scanned prices, exams
-- and routes likewise. Partial where most rows hold no reference.
CREATE INDEX program_superseded_by_idx ON program (superseded_by_id) WHERE superseded_by_id IS NOT NULL;
CREATE INDEX program_source_idx ON program (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX price_source_idx ON price (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX exam_format_source_idx ON exam_format (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX renewal_policy_source_idx ON renewal_policy (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX eligibility_route_source_idx ON eligibility_route (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX outcome_claim_source_idx ON outcome_claim (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX exam_format_test_vendor_provider_idx ON exam_format_test_vendor (provider_id);
