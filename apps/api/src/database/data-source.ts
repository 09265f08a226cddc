import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from './typeorm-options';

/** The data source of the TypeORM CLI (migration:generate, migration:run), read from DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL for the TypeORM CLI');
export default new DataSource(typeOrmOptions(url));
