-- The web console's language, chosen by each user (decision 31): a BCP 47 tag the console has messages for
-- (en, ur); null is the installation's default, English.
ALTER TABLE app_user ADD COLUMN language VARCHAR(8) NULL;
