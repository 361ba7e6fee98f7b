package com.credentialcatalog.domain;

/** What a price pays for. */
public enum FeeType {
  EXAM,
  APPLICATION,
  COURSE,
  SELF_STUDY_BUNDLE,
  BOOTCAMP,
  PRACTICE_EXAM,
  HANDBOOK,
  RETAKE,
  RENEWAL,
  MEMBERSHIP,
  AUDIT,
  TRAVEL_ESTIMATE;
}
