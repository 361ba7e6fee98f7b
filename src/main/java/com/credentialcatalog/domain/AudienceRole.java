package com.credentialcatalog.domain;

/** Roles a program is meant for. */
public enum AudienceRole {
  FRONTLINE_AGENT,
  SERVICE_DESK_ANALYST,
  TEAM_LEAD,
  SUPERVISOR,
  MANAGER,
  TRAINER,
  CX_LEADER,
  CX_STRATEGIST,
  QUALITY_ANALYST,
  WORKFORCE_ANALYST,
  OPERATIONS,
  SECURITY_PROFESSIONAL;
}
