"""Customer satisfaction (issue 15): surveys and versions, the indicator tree with AHP
judgements, the CSI model's blocks and paths, Kano question pairs, waves with their targets,
respondents and answers. Released versions are frozen by the services.

Revision ID: 0010_satisfaction
Revises: 0007_customers
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_satisfaction"
down_revision = "0007_customers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sat_surveys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name_zh', sa.String(length=120), nullable=False),
    sa.Column('name_en', sa.String(length=120), nullable=False),
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.Column('scale_min', sa.Integer(), nullable=False),
    sa.Column('scale_max', sa.Integer(), nullable=False),
    sa.Column('languages', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("purpose IN ('periodic', 'transaction', 'kano', 'lost_customer')", name=op.f('ck_sat_surveys_purpose')),
    sa.CheckConstraint('scale_min < scale_max', name=op.f('ck_sat_surveys_scale')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sat_surveys')),
    sa.UniqueConstraint('code', name=op.f('uq_sat_surveys_code'))
    )
    op.create_table('sat_survey_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('model_kind', sa.String(length=8), nullable=False),
    sa.Column('nps_zh', sa.Text(), nullable=False),
    sa.Column('nps_en', sa.Text(), nullable=False),
    sa.Column('based_on_id', sa.Integer(), nullable=True),
    sa.Column('released_at', sa.DateTime(), nullable=True),
    sa.Column('released_by', sa.String(length=120), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("model_kind IN ('ccsi', 'acsi', 'ecsi', 'custom')", name=op.f('ck_sat_survey_versions_model_kind')),
    sa.CheckConstraint("state IN ('draft', 'released', 'retired')", name=op.f('ck_sat_survey_versions_state')),
    sa.ForeignKeyConstraint(['based_on_id'], ['sat_survey_versions.id'], name=op.f('fk_sat_survey_versions_based_on_id_sat_survey_versions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['survey_id'], ['sat_surveys.id'], name=op.f('fk_sat_survey_versions_survey_id_sat_surveys'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sat_survey_versions')),
    sa.UniqueConstraint('survey_id', 'version', name=op.f('uq_sat_survey_versions_survey_id_version'))
    )
    op.create_index(op.f('ix_sat_survey_versions_survey_id'), 'sat_survey_versions', ['survey_id'], unique=False)
    op.create_table('sat_kano_pairs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('attribute_zh', sa.String(length=200), nullable=False),
    sa.Column('attribute_en', sa.String(length=200), nullable=False),
    sa.Column('functional_zh', sa.Text(), nullable=False),
    sa.Column('functional_en', sa.Text(), nullable=False),
    sa.Column('dysfunctional_zh', sa.Text(), nullable=False),
    sa.Column('dysfunctional_en', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['sat_survey_versions.id'], name=op.f('fk_sat_kano_pairs_version_id_sat_survey_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sat_kano_pairs')),
    sa.UniqueConstraint('version_id', 'code', name=op.f('uq_sat_kano_pairs_version_id_code'))
    )
    op.create_index(op.f('ix_sat_kano_pairs_version_id'), 'sat_kano_pairs', ['version_id'], unique=False)
    op.create_table('sat_model_blocks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('label_zh', sa.String(length=80), nullable=False),
    sa.Column('label_en', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['sat_survey_versions.id'], name=op.f('fk_sat_model_blocks_version_id_sat_survey_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sat_model_blocks')),
    sa.UniqueConstraint('version_id', 'name', name=op.f('uq_sat_model_blocks_version_id_name'))
    )
    op.create_index(op.f('ix_sat_model_blocks_version_id'), 'sat_model_blocks', ['version_id'], unique=False)
    op.create_table('sat_model_paths',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('target', sa.String(length=40), nullable=False),
    sa.CheckConstraint('source <> target', name=op.f('ck_sat_model_paths_loop')),
    sa.ForeignKeyConstraint(['version_id'], ['sat_survey_versions.id'], name=op.f('fk_sat_model_paths_version_id_sat_survey_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sat_model_paths')),
    sa.UniqueConstraint('version_id', 'source', 'target', name=op.f('uq_sat_model_paths_version_id_source_target'))
    )
    op.create_index(op.f('ix_sat_model_paths_version_id'), 'sat_model_paths', ['version_id'], unique=False)
    op.create_table('sat_nodes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('text_zh', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('weight', sa.Float(), nullable=True),
    sa.Column('weight_method', sa.String(length=8), nullable=False),
    sa.Column('importance_question', sa.Boolean(), nullable=False),
    sa.Column('latent', sa.String(length=40), nullable=False),
    sa.CheckConstraint("kind IN ('goal', 'dimension', 'indicator')", name=op.f('ck_sat_nodes_kind')),
    sa.CheckConstraint("weight_method IN ('direct', 'ahp', 'derived')", name=op.f('ck_sat_nodes_weight_method')),
    sa.CheckConstraint('weight IS NULL OR weight >= 0', name=op.f('ck_sat_nodes_weight')),
    sa.ForeignKeyConstraint(['parent_id'], ['sat_nodes.id'], name=op.f('fk_sat_nodes_parent_id_sat_nodes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['sat_survey_versions.id'], name=op.f('fk_sat_nodes_version_id_sat_survey_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sat_nodes')),
    sa.UniqueConstraint('version_id', 'code', name=op.f('uq_sat_nodes_version_id_code'))
    )
    op.create_index(op.f('ix_sat_nodes_parent_id'), 'sat_nodes', ['parent_id'], unique=False)
    op.create_index(op.f('ix_sat_nodes_version_id'), 'sat_nodes', ['version_id'], unique=False)
    op.create_table('sat_waves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("state IN ('planned', 'open', 'closed')", name=op.f('ck_sat_waves_state')),
    sa.CheckConstraint('period_end >= period_start', name=op.f('ck_sat_waves_period')),
    sa.ForeignKeyConstraint(['version_id'], ['sat_survey_versions.id'], name=op.f('fk_sat_waves_version_id_sat_survey_versions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sat_waves')),
    sa.UniqueConstraint('code', name=op.f('uq_sat_waves_code'))
    )
    op.create_index(op.f('ix_sat_waves_version_id'), 'sat_waves', ['version_id'], unique=False)
    op.create_table('sat_ahp',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('col_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.CheckConstraint('value > 0', name=op.f('ck_sat_ahp_value')),
    sa.ForeignKeyConstraint(['col_id'], ['sat_nodes.id'], name=op.f('fk_sat_ahp_col_id_sat_nodes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['sat_nodes.id'], name=op.f('fk_sat_ahp_parent_id_sat_nodes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['row_id'], ['sat_nodes.id'], name=op.f('fk_sat_ahp_row_id_sat_nodes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sat_ahp')),
    sa.UniqueConstraint('parent_id', 'row_id', 'col_id', name=op.f('uq_sat_ahp_parent_id_row_id_col_id'))
    )
    op.create_index(op.f('ix_sat_ahp_parent_id'), 'sat_ahp', ['parent_id'], unique=False)
    op.create_table('sat_respondents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('wave_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("source IN ('entry', 'import', 'complaint')", name=op.f('ck_sat_respondents_source')),
    sa.ForeignKeyConstraint(['contact_id'], ['customer_contacts.id'], name=op.f('fk_sat_respondents_contact_id_customer_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_sat_respondents_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['wave_id'], ['sat_waves.id'], name=op.f('fk_sat_respondents_wave_id_sat_waves'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sat_respondents')),
    sa.UniqueConstraint('wave_id', 'customer_id', 'contact_id', name=op.f('uq_sat_respondents_wave_id_customer_id_contact_id'))
    )
    op.create_index(op.f('ix_sat_respondents_complaint_id'), 'sat_respondents', ['complaint_id'], unique=False)
    op.create_index(op.f('ix_sat_respondents_customer_id'), 'sat_respondents', ['customer_id'], unique=False)
    op.create_index(op.f('ix_sat_respondents_wave_id'), 'sat_respondents', ['wave_id'], unique=False)
    op.create_table('sat_wave_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('wave_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['customer_contacts.id'], name=op.f('fk_sat_wave_targets_contact_id_customer_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_sat_wave_targets_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['wave_id'], ['sat_waves.id'], name=op.f('fk_sat_wave_targets_wave_id_sat_waves'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sat_wave_targets')),
    sa.UniqueConstraint('wave_id', 'customer_id', 'contact_id', name=op.f('uq_sat_wave_targets_wave_id_customer_id_contact_id'))
    )
    op.create_index(op.f('ix_sat_wave_targets_customer_id'), 'sat_wave_targets', ['customer_id'], unique=False)
    op.create_index(op.f('ix_sat_wave_targets_wave_id'), 'sat_wave_targets', ['wave_id'], unique=False)
    op.create_table('sat_answers',
    sa.Column('respondent_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.CheckConstraint("kind IN ('rating', 'importance', 'kano_functional', 'kano_dysfunctional', 'nps')", name=op.f('ck_sat_answers_kind')),
    sa.ForeignKeyConstraint(['respondent_id'], ['sat_respondents.id'], name=op.f('fk_sat_answers_respondent_id_sat_respondents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('respondent_id', 'question', 'kind', name=op.f('pk_sat_answers'))
    )


def downgrade() -> None:
    op.drop_table('sat_answers')
    op.drop_table('sat_wave_targets')
    op.drop_table('sat_respondents')
    op.drop_table('sat_ahp')
    op.drop_table('sat_waves')
    op.drop_table('sat_nodes')
    op.drop_table('sat_model_paths')
    op.drop_table('sat_model_blocks')
    op.drop_table('sat_kano_pairs')
    op.drop_table('sat_survey_versions')
    op.drop_table('sat_surveys')
